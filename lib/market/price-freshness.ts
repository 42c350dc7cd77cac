// Whether a price is fresh enough to trade at or to show as live, decided here only, with one clock:
// the worker's in-memory quote (its receivedAt) and the MarketPrice row (its updatedAt, the same
// receivedAt written by the worker) are judged alike, on the market clock (lib/market/market-clock.ts:
// the wall clock, or the replayed market's time).
import { env } from "@/lib/env";
import { marketNow } from "./market-clock";

export { marketNow };

/**
 * A price recorded (received or confirmed) at `recordedAtMs` is fresh at `nowMs` while it is at most
 * `maxAgeMs` old. A price from after `nowMs` (a replay that started again) is not fresh.
 */
export function isFresh(recordedAtMs: number, nowMs: number = marketNow(), maxAgeMs: number = env.PRICE_MAX_AGE_MS): boolean {
  return recordedAtMs <= nowMs && nowMs - recordedAtMs <= maxAgeMs;
}
