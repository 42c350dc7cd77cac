// Candle intervals the app charts and caches, with Binance's names and their lengths.

// 1m, 5m and 4h serve /api/v3/klines (binance-api.md §5); the charts use the others.
export const KLINE_INTERVALS = ["1m", "5m", "15m", "1h", "4h", "12h", "1d", "1w"] as const;
export type KlineInterval = (typeof KLINE_INTERVALS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const INTERVAL_MS: Record<KlineInterval, number> = {
  "1m": MINUTE,
  "5m": 5 * MINUTE,
  "15m": 15 * MINUTE,
  "1h": HOUR,
  "4h": 4 * HOUR,
  "12h": 12 * HOUR,
  "1d": DAY,
  "1w": 7 * DAY,
};

// Binance's weeks open on Monday 00:00 UTC; the Unix epoch was a Thursday, hence the 4-day shift.
const WEEK_OFFSET = 4 * DAY;

// Open time of the candle of `interval` that contains `time` (epoch ms, UTC as Binance aligns them).
export function candleOpenTime(interval: KlineInterval, time: number): number {
  const len = INTERVAL_MS[interval];
  const offset = interval === "1w" ? WEEK_OFFSET : 0;
  return Math.floor((time - offset) / len) * len + offset;
}
