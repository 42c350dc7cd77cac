// What a stop order is, and the SL/TP rule of product.md: the current price at placement decides the
// type and the direction in which a trade price fires it.

export type Side = "BUY" | "SELL";
export type StopType = "SL" | "TP";
/** "up": fires when a trade price is >= stop; "down": when it is <= stop. */
export type Direction = "up" | "down";

/** An open stop order as the worker's trigger index holds it (amounts and prices in 1e-8 units). */
export interface OpenStopOrder {
  id: string;
  userId: string;
  symbol: string;
  side: Side;
  type: StopType;
  amount: bigint;
  stopPrice: bigint;
  lockAmount: bigint;
  version: number;
}

export function classifyStop(side: Side, stop: bigint, current: bigint): StopType {
  if (side === "BUY") return stop >= current ? "SL" : "TP";
  return stop <= current ? "SL" : "TP";
}

export function directionOf(side: Side, type: StopType): Direction {
  if (side === "BUY") return type === "SL" ? "up" : "down";
  return type === "SL" ? "down" : "up";
}

export function fires(order: Pick<OpenStopOrder, "side" | "type" | "stopPrice">, tradePrice: bigint): boolean {
  return directionOf(order.side, order.type) === "up" ? tradePrice >= order.stopPrice : tradePrice <= order.stopPrice;
}
