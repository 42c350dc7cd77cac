// Whether a price is fresh enough to trade at or to show as live, decided here only, with one clock:
// the worker's in-memory quote (its receivedAt) and the MarketPrice row (its updatedAt, the same
// receivedAt written by the worker) are judged alike. marketNow() is the clock every judge reads, so a
// replayed market can plug its own in later.
import { env } from "@/lib/env";

let clock: () => number = Date.now;

/** The market's "now", epoch ms. */
export const marketNow = (): number => clock();

/** Replaces the market clock (null: back to the wall clock). For a replayed market and tests. */
export function setMarketClock(next: (() => number) | null): void {
  clock = next ?? Date.now;
}

/** A price recorded (received or confirmed) at `recordedAtMs` is fresh at `nowMs` while it is at most PRICE_MAX_AGE_MS old. */
export function isFresh(recordedAtMs: number, nowMs: number = marketNow(), maxAgeMs: number = env.PRICE_MAX_AGE_MS): boolean {
  return nowMs - recordedAtMs <= maxAgeMs;
}
