// Binance's executionReport event (user data stream) for one state of an order, built on the order
// presenter so that the stream and the REST answers agree field by field. Whole fills: a TRADE report
// carries the one fill (last = cumulative), a commission in the quote coin and the fill's tradeId.
import type { OrderRecord } from "@/lib/trading/order-record";
import { fillsOf, fixed8, presentOrder } from "@/lib/binance/present-order";

/** Binance's execution types for the changes this platform makes. */
export type ExecutionType = "NEW" | "TRADE" | "CANCELED" | "EXPIRED" | "REJECTED";

const EXECUTION_OF_STATUS: Record<OrderRecord["status"], ExecutionType> = {
  OPEN: "NEW",
  FILLED: "TRADE",
  CANCELLED: "CANCELED",
  EXPIRED: "EXPIRED",
  REJECTED: "REJECTED",
};

/** The execution an order's current status reports. */
export const executionOf = (o: OrderRecord): ExecutionType => EXECUTION_OF_STATUS[o.status];

export interface ReportOptions {
  /** the OCO it belongs to (its limit leg's order number), else -1 */
  orderListId: number;
  /** what happened; NEW for an order that closed in the transaction that placed it, reported first */
  execution: ExecutionType;
  /** event time, ms */
  now: number;
}

export function executionReport(o: OrderRecord, { orderListId, execution, now }: ReportOptions) {
  const b = presentOrder(o, { orderListId });
  // A report of NEW shows the order as it was placed, before the fill or expiry the same transaction made.
  const asPlaced = execution === "NEW";
  const fill = asPlaced ? undefined : fillsOf(o)[0];
  const status = asPlaced ? "NEW" : b.status;
  return {
    e: "executionReport",
    E: now,
    s: b.symbol,
    c: b.clientOrderId,
    S: b.side,
    o: b.type,
    f: b.timeInForce,
    q: b.origQty,
    p: b.price,
    P: "stopPrice" in b ? b.stopPrice : fixed8(0n),
    ...(b.trailingDelta !== undefined ? { d: b.trailingDelta } : {}),
    F: b.icebergQty,
    g: b.orderListId,
    // Binance: the cancelled order's own client id ("c" is the cancel request's); empty otherwise.
    C: execution === "CANCELED" ? b.clientOrderId : "",
    x: execution,
    X: status,
    r: "NONE",
    i: b.orderId,
    l: fill ? fill.qty : fixed8(0n),
    z: asPlaced ? fixed8(0n) : b.executedQty,
    L: fill ? fill.price : fixed8(0n),
    n: fill ? fill.commission : "0",
    N: fill ? fill.commissionAsset : null,
    T: asPlaced ? b.time : b.updateTime,
    t: fill ? fill.tradeId : -1,
    I: b.orderId,
    w: asPlaced ? b.workingTime !== -1 : b.isWorking,
    m: fill ? o.maker === true : false,
    M: false,
    O: b.time,
    Z: asPlaced ? fixed8(0n) : b.cummulativeQuoteQty,
    Y: fill ? b.cummulativeQuoteQty : fixed8(0n),
    Q: b.origQuoteOrderQty,
    ...(b.workingTime !== -1 ? { W: b.workingTime } : {}),
    V: b.selfTradePreventionMode,
  };
}
