// GET /api/v3/myTrades rows (Binance's fields): one per filled order, the trade id being its order number
// (as in present-order.ts's fills). The commission is in the quote coin on both sides.
import type { OrderRecord } from "@/lib/trading/order-record";
import { fixed8 } from "./present-order";

export function presentTrade(o: OrderRecord, orderListId = -1) {
  const n = o.orderNo ?? -1;
  return {
    symbol: o.symbol,
    id: n,
    orderId: n,
    orderListId,
    price: fixed8(o.fillPrice),
    qty: fixed8(o.amount),
    quoteQty: fixed8(o.quoteAmount),
    commission: fixed8(o.fee),
    commissionAsset: o.quote,
    time: Number(o.closedAt ?? o.updatedAt),
    isBuyer: o.side === "BUY",
    isMaker: o.maker === true,
    isBestMatch: true,
  };
}
