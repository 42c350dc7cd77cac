// An OCO as Binance's order list (binance-api.md §7): orderListId (the limit leg's order number),
// contingencyType OCO, its status, the two legs and their reports.
import type { OrderRecord } from "@/lib/trading/order-record";
import { listClientOrderIdOf } from "./find-orders";
import { presentCancelledOrder, presentNewOrder, presentOrder } from "./present-order";

type Reports = "new" | "cancel" | "none";

export function presentOrderList(legs: readonly OrderRecord[], reports: Reports) {
  const orderListId = legs[0]?.orderNo ?? -1;
  const open = legs.some((l) => l.status === "OPEN");
  const opts = { orderListId };
  const base = {
    orderListId,
    contingencyType: "OCO",
    listStatusType: open ? "EXEC_STARTED" : "ALL_DONE",
    listOrderStatus: open ? "EXECUTING" : "ALL_DONE",
    listClientOrderId: listClientOrderIdOf(legs),
    transactionTime: Math.max(...legs.map((l) => Number(l.updatedAt))),
    symbol: legs[0]?.symbol ?? "",
    orders: legs.map((l) => ({ symbol: l.symbol, orderId: l.orderNo ?? -1, clientOrderId: l.clientOrderId ?? "" })),
  };
  if (reports === "none") return base;
  return {
    ...base,
    orderReports: legs.map((l) => (reports === "new" ? presentNewOrder(l, "RESULT", opts) : presentCancelledOrder(l, opts))),
  };
}

/** The legs as query answers show them (GET openOrders / allOrders rows). */
export const presentLegs = (legs: readonly OrderRecord[]) => legs.map((l) => presentOrder(l, { orderListId: legs[0]?.orderNo ?? -1 }));
