// What a stop order is, and the SL/TP rule of product.md: the current price at placement decides the
// type and the direction in which a trade price fires it.
import type { Side } from "./order-types";

export type { Side } from "./order-types";
export type StopType = "SL" | "TP";
/** "up": fires when a trade price is >= stop; "down": when it is <= stop. */
export type Direction = "up" | "down";

export function classifyStop(side: Side, stop: bigint, current: bigint): StopType {
  if (side === "BUY") return stop >= current ? "SL" : "TP";
  return stop <= current ? "SL" : "TP";
}

export function directionOf(side: Side, type: StopType): Direction {
  if (side === "BUY") return type === "SL" ? "up" : "down";
  return type === "SL" ? "down" : "up";
}

/** Does a trade at `tradePrice` cross `price` in direction `dir`? */
export function crosses(dir: Direction, price: bigint, tradePrice: bigint): boolean {
  return dir === "up" ? tradePrice >= price : tradePrice <= price;
}

export function fires(order: { side: Side; type: string; stopPrice: bigint | null }, tradePrice: bigint): boolean {
  if (order.stopPrice === null) return false;
  const family: StopType = order.type === "TP" || order.type === "TPL" ? "TP" : "SL";
  return crosses(directionOf(order.side, family), order.stopPrice, tradePrice);
}
