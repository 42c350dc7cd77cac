// Binance's listStatus event for an OCO (user data stream): the list's state from its two legs.
import type { OrderRecord } from "@/lib/trading/order-record";
import { listClientOrderIdOf } from "../find-orders";

export function listStatus(legs: OrderRecord[], { orderListId, now }: { orderListId: number; now: number }) {
  const open = legs.filter((l) => l.status === "OPEN").length;
  const done = open === 0;
  const first = legs[0];
  return {
    e: "listStatus",
    E: now,
    s: first?.symbol ?? "",
    g: orderListId,
    c: "OCO",
    l: done ? "ALL_DONE" : "EXEC_STARTED",
    L: done ? "ALL_DONE" : "EXECUTING",
    r: "NONE",
    C: listClientOrderIdOf(legs),
    T: Math.max(...legs.map((l) => Number(l.updatedAt))),
    O: legs.map((l) => ({ s: l.symbol, i: l.orderNo ?? -1, c: l.clientOrderId ?? "" })),
  };
}
