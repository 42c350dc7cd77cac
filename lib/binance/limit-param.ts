// Binance's `limit`: default `def`, at most `max` (above: -1130, as Binance refuses it).
import { invalidParameter } from "./errors";
import type { BinanceParams } from "./params";

export function limitParam(p: BinanceParams, def: number, max: number): number {
  const limit = p.int("limit") ?? def;
  if (limit < 1 || limit > max) throw invalidParameter(`Invalid data sent for a parameter: limit must be from 1 to ${max}.`);
  return limit;
}
