// The order set of the product (Binance's names, binance-api.md §6), the original's type codes stored in
// the Order table, and the statuses. Pure data: no database, no HTTP.

export type Side = "BUY" | "SELL";

export const ORDER_TYPES = ["MARKET", "LIMIT", "LIMIT_MAKER", "STOP_LOSS", "TAKE_PROFIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const TIME_IN_FORCE = ["GTC", "IOC", "FOK"] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];

/** The original's `order_type` codes, as stored in Order.type. Trailing stops keep their type's code. */
export type TypeCode = "M" | "L" | "LM" | "SL" | "TP" | "SLL" | "TPL";

export const TYPE_CODE: Record<OrderType, TypeCode> = {
  MARKET: "M",
  LIMIT: "L",
  LIMIT_MAKER: "LM",
  STOP_LOSS: "SL",
  TAKE_PROFIT: "TP",
  STOP_LOSS_LIMIT: "SLL",
  TAKE_PROFIT_LIMIT: "TPL",
};

const TYPE_OF_CODE = Object.fromEntries(Object.entries(TYPE_CODE).map(([t, c]) => [c, t])) as Record<TypeCode, OrderType>;

export function typeOfCode(code: string): OrderType {
  const t = TYPE_OF_CODE[code as TypeCode];
  if (!t) throw new Error(`unknown order type code ${code}`);
  return t;
}

/** Status as stored (the original's words) and as the native API names it (Binance's). */
export type StoredStatus = "OPEN" | "FILLED" | "CANCELLED" | "REJECTED" | "EXPIRED";
export type OrderStatus = "NEW" | "FILLED" | "CANCELED" | "REJECTED" | "EXPIRED";

export const STATUS_NAME: Record<StoredStatus, OrderStatus> = {
  OPEN: "NEW",
  FILLED: "FILLED",
  CANCELLED: "CANCELED",
  REJECTED: "REJECTED",
  EXPIRED: "EXPIRED",
};

export const CLOSED_STATUSES: readonly StoredStatus[] = ["FILLED", "CANCELLED", "REJECTED", "EXPIRED"];

export const isLimitType = (t: OrderType): boolean => t === "LIMIT" || t === "LIMIT_MAKER";
export const isStopType = (t: OrderType): boolean => t === "STOP_LOSS" || t === "TAKE_PROFIT" || t === "STOP_LOSS_LIMIT" || t === "TAKE_PROFIT_LIMIT";
export const hasLimitPrice = (t: OrderType): boolean => t === "LIMIT" || t === "LIMIT_MAKER" || t === "STOP_LOSS_LIMIT" || t === "TAKE_PROFIT_LIMIT";
/** the stop family a stop type belongs to (decides its trigger direction with the side) */
export const stopFamily = (t: OrderType): "SL" | "TP" => (t === "STOP_LOSS" || t === "STOP_LOSS_LIMIT" ? "SL" : "TP");
