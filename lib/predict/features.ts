// Per-candle features, each computed from that candle and earlier ones only (never later ones):
// the model sees a window of these rows, so a row that peeked ahead would leak the target.
import type { Candle } from "@/lib/predict/candle";

export const FEATURE_NAMES = ["ret", "range", "body", "volume", "closePos"] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Candles before the first usable row: the volume feature compares with the mean of the previous 30. */
export const WARMUP = 30;

const EPS = 1e-12;

/**
 * One row of features for candle `t` (t >= WARMUP), in the order of `names`:
 * ret = log return of the close; range = log(high/low); body = log(close/open);
 * volume = log of volume over the mean volume of the previous 30 candles; closePos = where the close
 * sits in the day's range, -0.5 (low) .. 0.5 (high). All are scale-free, so one model fits any price level.
 */
export function featureRow(candles: readonly Candle[], t: number, names: readonly FeatureName[]): number[] {
  const c = candles[t];
  const prev = candles[t - 1];
  if (!c || !prev || t < WARMUP) throw new RangeError(`no feature row for candle ${t}: needs ${WARMUP} earlier candles`);
  return names.map((name) => {
    switch (name) {
      case "ret":
        return Math.log(c.close / prev.close);
      case "range":
        return Math.log(c.high / c.low);
      case "body":
        return Math.log(c.close / c.open);
      case "volume": {
        let sum = 0;
        for (let i = t - WARMUP; i < t; i++) sum += candles[i]?.volume ?? 0;
        return Math.log((c.volume + EPS) / (sum / WARMUP + EPS));
      }
      case "closePos":
        return c.high > c.low ? (c.close - c.low) / (c.high - c.low) - 0.5 : 0;
    }
  });
}
