// Binance's order fields from a stored order (binance-api.md §6): orderId is the order number shared by
// both APIs, amounts are 8-decimal strings, times ms. Whole fills only: executedQty is 0 or origQty, and a
// filled order has one fill whose tradeId is its order number. An OCO leg's orderListId is the order
// number of its first (limit) leg, which the caller passes; -1 otherwise.
import { SCALE } from "@/lib/money";
import type { OrderRecord } from "@/lib/trading/order-record";
import { isStopType, STATUS_NAME, typeOfCode } from "@/lib/trading/order-types";

/** Units as Binance's fixed 8-decimal text: 150000000n -> "1.50000000". */
export function fixed8(units: bigint | null | undefined): string {
  const u = units ?? 0n;
  const neg = u < 0n;
  const abs = neg ? -u : u;
  return `${neg ? "-" : ""}${abs / SCALE}.${(abs % SCALE).toString().padStart(8, "0")}`;
}

export type OrderRespType = "ACK" | "RESULT" | "FULL";

export interface Fill {
  price: string;
  qty: string;
  commission: string;
  commissionAsset: string;
  tradeId: number;
}

export interface PresentOptions {
  /** the order list an OCO leg belongs to (the limit leg's orderNo), else -1 */
  orderListId?: number;
}

const id = (o: OrderRecord) => o.orderNo ?? -1;

/** The fill of a filled order (Binance's `fills` rows; `[]` while unfilled). */
export function fillsOf(o: OrderRecord): Fill[] {
  if (o.status !== "FILLED" || o.fillPrice === null) return [];
  return [{ price: fixed8(o.fillPrice), qty: fixed8(o.amount), commission: fixed8(o.fee), commissionAsset: o.quote, tradeId: id(o) }];
}

/** Binance's stopPrice: the stop, or a trailing stop's activation price; 0 when none. */
const stopPriceOf = (o: OrderRecord) => o.stopPrice ?? o.activationPrice ?? 0n;

/** When the order started working on the book: at once, or (stop types) when its stop fired; -1 before. */
function workingTimeOf(o: OrderRecord): number {
  if (!isStopType(typeOfCode(o.type))) return Number(o.createdAt);
  if (o.triggeredAt !== null) return Number(o.triggeredAt);
  return o.status === "FILLED" && o.closedAt !== null ? Number(o.closedAt) : -1;
}

/** The fields every order answer shares (GET order, openOrders, allOrders, executionReport's source). */
function core(o: OrderRecord, opts: PresentOptions) {
  const type = typeOfCode(o.type);
  const filled = o.status === "FILLED";
  return {
    symbol: o.symbol,
    orderId: id(o),
    orderListId: opts.orderListId ?? -1,
    clientOrderId: o.clientOrderId ?? "",
    price: fixed8(o.limitPrice),
    origQty: fixed8(o.amount),
    executedQty: fixed8(filled ? o.amount : 0n),
    cummulativeQuoteQty: fixed8(filled ? o.quoteAmount : 0n),
    status: STATUS_NAME[o.status],
    timeInForce: o.timeInForce ?? "GTC",
    type,
    side: o.side,
    ...(isStopType(type) ? { stopPrice: fixed8(stopPriceOf(o)) } : {}),
    ...(o.trailingDelta !== null ? { trailingDelta: o.trailingDelta } : {}),
  };
}

/** GET /api/v3/order, openOrders, allOrders: an order as Binance's query answers show it. */
export function presentOrder(o: OrderRecord, opts: PresentOptions = {}) {
  const workingTime = workingTimeOf(o);
  return {
    ...core(o, opts),
    icebergQty: fixed8(0n),
    time: Number(o.createdAt),
    updateTime: Number(o.updatedAt),
    isWorking: workingTime !== -1 && o.status === "OPEN",
    workingTime,
    origQuoteOrderQty: fixed8(o.quoteOrderQty),
    selfTradePreventionMode: "NONE",
  };
}

/** POST /api/v3/order (and an OCO's orderReports): ACK, RESULT or FULL. */
export function presentNewOrder(o: OrderRecord, respType: OrderRespType, opts: PresentOptions = {}) {
  const ack = { symbol: o.symbol, orderId: id(o), orderListId: opts.orderListId ?? -1, clientOrderId: o.clientOrderId ?? "", transactTime: Number(o.createdAt) };
  if (respType === "ACK") return ack;
  const result = {
    ...ack,
    ...core(o, opts),
    origQuoteOrderQty: fixed8(o.quoteOrderQty),
    workingTime: workingTimeOf(o),
    selfTradePreventionMode: "NONE",
  };
  return respType === "FULL" ? { ...result, fills: fillsOf(o) } : result;
}

/** DELETE /api/v3/order: the cancelled order (Binance's cancel answer). */
export function presentCancelledOrder(o: OrderRecord, opts: PresentOptions = {}) {
  const { clientOrderId, ...rest } = core(o, opts);
  return { ...rest, origClientOrderId: clientOrderId, clientOrderId, transactTime: Number(o.updatedAt), selfTradePreventionMode: "NONE" };
}

export type BinanceOrder = ReturnType<typeof presentOrder>;
