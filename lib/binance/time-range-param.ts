// Binance's startTime/endTime (ms) of the history queries: at most 24 hours apart when both are sent
// (-1127).
import { BinanceError } from "./errors";
import type { BinanceParams } from "./params";

const DAY_MS = 24 * 3600 * 1000;

export function timeRangeParam(p: BinanceParams): { startTime?: number; endTime?: number } {
  const startTime = p.int("startTime");
  const endTime = p.int("endTime");
  if (startTime !== undefined && endTime !== undefined && endTime - startTime > DAY_MS) {
    throw new BinanceError(-1127, "More than 24 hours between startTime and endTime.");
  }
  return { startTime, endTime };
}
