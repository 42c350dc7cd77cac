// The market's clock. Normally the wall clock; during a replay the replayed market's time, which runs at
// the replay's speed from an anchor, stands still while paused and never passes the next trade the replay
// has not played yet (its cap: a slow machine or a fill being written holds the market, at any speed).
// It stamps trades, candles, fills, orders and portfolio values and judges price freshness. Security
// (tokens, rate limits, signatures, leases) always uses the real clock, Date.now(). One instance per
// process on globalThis, like the price store, so the custom server and Next.js's bundled route handlers
// read the same time.

export interface ReplayClockState {
  /** market time at the anchor, epoch ms */
  marketAt: number;
  /** real time at the anchor, epoch ms */
  realAt: number;
  /** market milliseconds per real millisecond */
  speed: number;
  paused: boolean;
  /** the time of the next trade not yet played: market time waits there until the replay plays it */
  cap: number;
}

const g = globalThis as unknown as { __compraventaMarketClock?: { replay: ReplayClockState | null } };
const clock = (g.__compraventaMarketClock ??= { replay: null });

// Now on the market's clock, epoch ms.
export function marketNow(): number {
  const r = clock.replay;
  if (!r) return Date.now();
  if (r.paused) return Math.min(r.marketAt, r.cap);
  return Math.min(Math.floor(r.marketAt + (Date.now() - r.realAt) * r.speed), r.cap);
}

/** Market milliseconds that pass in `realMs` real ones (realMs itself on the wall clock or while paused). */
export function marketSpan(realMs: number): number {
  const r = clock.replay;
  return r && !r.paused ? realMs * Math.max(1, r.speed) : realMs;
}

/** The replay's clock, or null on the wall clock. */
export function replayClock(): Readonly<ReplayClockState> | null {
  return clock.replay;
}

// Sets market time to `marketAt` now, keeping (or setting) speed and pause; the replay re-anchors on
// every step so rounding never accumulates.
export function setReplayClock(next: { marketAt: number; speed?: number; paused?: boolean }, realNow = Date.now()): void {
  const prev = clock.replay;
  clock.replay = {
    marketAt: next.marketAt,
    realAt: realNow,
    speed: next.speed ?? prev?.speed ?? 1,
    paused: next.paused ?? prev?.paused ?? false,
    cap: prev?.cap ?? Infinity,
  };
}

/** Market time goes no further than `at` until the next call (Infinity: no limit); the replay's own. */
export function capReplayClock(at: number): void {
  if (clock.replay) clock.replay.cap = at;
}

/** Back to the wall clock (the replay stopped). */
export function resetMarketClock(): void {
  clock.replay = null;
}
