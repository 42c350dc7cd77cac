// DELETE /api/v3/order, openOrders and orderList – cancels through lib/trading/cancel-order.ts (the
// guarded OPEN -> CANCELLED transition; an OCO leg cancels both). Unknown or no longer open: -2011.
import type { Pair } from "@/lib/markets";
import { cancelOcoOrder, cancelOrder } from "@/lib/trading/cancel-order";
import { listOrders } from "@/lib/trading/get-orders";
import type { OrderRecord } from "@/lib/trading/order-record";
import { BinanceError, MSG } from "./errors";
import { findOrderByHandle, findOrderList, type ListHandle } from "./find-orders";
import { presentCancelledOrder } from "./present-order";
import { presentOrderList } from "./present-order-list";

const unknownOrder = () => new BinanceError(-2011, MSG.unknownOrder);
const MAX_OPEN_SCAN = 5000;

/** An OCO leg answers as its whole list (both legs are cancelled), any other order as itself. */
async function cancelled(portfolioId: string, o: OrderRecord) {
  if (o.ocoId === null) return presentCancelledOrder(await cancelOrder({ portfolioId, orderId: o.id }));
  const { orders } = await cancelOcoOrder({ portfolioId, ocoId: o.ocoId });
  return presentOrderList(orders, "cancel");
}

export async function cancelBinanceOrder(h: { portfolioId: string; pair: Pair; orderId?: number; clientOrderId?: string }) {
  const o = await findOrderByHandle({ portfolioId: h.portfolioId, symbol: h.pair.symbol, orderId: h.orderId, clientOrderId: h.clientOrderId, openOnly: true });
  if (!o || o.status !== "OPEN") throw unknownOrder();
  return cancelled(h.portfolioId, o);
}

/** Every open order of the symbol, lists once each; an order that closed meanwhile is left out. */
export async function cancelAllBinanceOrders({ portfolioId, pair }: { portfolioId: string; pair: Pair }) {
  const { orders } = await listOrders({ portfolioId, status: "open", symbol: pair.symbol, limit: MAX_OPEN_SCAN });
  const done = new Set<string>();
  const out: object[] = [];
  for (const o of [...orders].reverse()) {
    if (o.ocoId !== null && done.has(o.ocoId)) continue;
    if (o.ocoId !== null) done.add(o.ocoId);
    try {
      out.push(await cancelled(portfolioId, o));
    } catch (e) {
      if ((e as { code?: unknown }).code !== "ORDER_NOT_FOUND") throw e;
    }
  }
  return out;
}

export async function cancelBinanceOrderList(h: ListHandle) {
  const legs = await findOrderList(h);
  const ocoId = legs[0]?.ocoId;
  if (!ocoId || !legs.some((l) => l.status === "OPEN")) throw unknownOrder();
  const { orders } = await cancelOcoOrder({ portfolioId: h.portfolioId, ocoId });
  return presentOrderList(orders, "cancel");
}
