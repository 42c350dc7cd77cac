// The price a fired order fills at, and whether it fills as maker: a resting limit at its own limit price
// (maker); a stop-limit at the firing trade when its limit is marketable there (taker), else not at all;
// every other fired order at the firing trade (taker; gaps honoured).
import { armOf, type OpenOrder } from "./open-order";

/** null: a stop-limit whose limit is not marketable at the firing trade (it expires or rests instead). */
export function fillPriceOf(order: OpenOrder, tradePrice: bigint): { fillAt: bigint; maker: boolean } | null {
  if (armOf(order).kind === "limit" && order.limitPrice != null) return { fillAt: order.limitPrice, maker: true };
  if (order.type === "SLL" || order.type === "TPL") {
    const limit = order.limitPrice ?? tradePrice;
    const marketable = order.side === "BUY" ? limit >= tradePrice : limit <= tradePrice;
    if (!marketable) return null;
  }
  return { fillAt: tradePrice, maker: false };
}
