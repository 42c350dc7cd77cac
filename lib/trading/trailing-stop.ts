// Binance's trailing stop (trailingDelta in basis points): once active, a SELL tracks the highest trade
// price since activation (its watermark) and fires when a trade is delta below it; a BUY tracks the
// lowest and fires when a trade is delta above it. Exact integer arithmetic: no rounding in the test.
import type { Side } from "./order-types";

export const MIN_TRAILING_DELTA = 10;
export const MAX_TRAILING_DELTA = 2000;
const BIPS = 10_000n;

/** Does a trade at `price` fire a trailing order with this watermark? */
export function trailingFires(side: Side, watermark: bigint, delta: number, price: bigint): boolean {
  const d = BigInt(delta);
  return side === "SELL" ? price * BIPS <= watermark * (BIPS - d) : price * BIPS >= watermark * (BIPS + d);
}

/** The live trigger price (the first price that fires it, to 1e-8). */
export function trailingTrigger(side: Side, watermark: bigint, delta: number): bigint {
  const d = BigInt(delta);
  if (side === "SELL") return (watermark * (BIPS - d)) / BIPS;
  const n = watermark * (BIPS + d);
  return n % BIPS === 0n ? n / BIPS : n / BIPS + 1n;
}

/** A new trade moves the watermark only towards the extreme the side tracks. */
export function nextWatermark(side: Side, watermark: bigint, price: bigint): bigint {
  return side === "SELL" ? (price > watermark ? price : watermark) : price < watermark ? price : watermark;
}
