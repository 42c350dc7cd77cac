// Inputs of the distribution network at an anchor day t, all known at t's close (plus the calendar of the target
// days): the HAR row (log realised variance from hourly candles over 1, 7 and 28 days, the anchor's fall and rise,
// the weekday mix of the target days), the log of the day's high-low (Parkinson) variance, the day's volume
// against its trailing 30-day mean and the size of the close's net move over the last 22 days (volatility is
// higher after a strong trend either way).
import type { Candle } from "@/lib/predict/candle";
import { dailyVariance, parkinsonScale, blendedVariance, type DailyVariance } from "@/lib/predict/daily-variance";
import { harRow, harTarget, HAR_DAYS, HAR_FEATURES, HAR_WARMUP, type HarSeries } from "@/lib/predict/har-volatility";

export const VOLATILITY_FEATURES = [...HAR_FEATURES, "log_range", "log_volume", "abs_move_22"] as const;

/** Days of the trend whose size is an input. */
const MOVE_DAYS = 22;

/** Days before the first anchor with every input (the volume's 30-day mean). */
export const VOLATILITY_WARMUP = Math.max(30, HAR_WARMUP);

const EPS = 1e-12;

/** Everything per day the rows are computed from. */
export interface VolatilitySeries extends HarSeries {
  parkinson: readonly number[];
  volume: readonly number[];
  /** realised / Parkinson scale used for days without hourly candles */
  scale: number;
  raw: DailyVariance;
}

/** Log returns of the close per day (0 for the first). */
export function dailyReturns(daily: readonly Candle[]): number[] {
  return daily.map((c, i) => (i === 0 ? 0 : Math.log(c.close / daily[i - 1]!.close)));
}

/**
 * The per-day series of a history. `scale` (realised / Parkinson) is fitted on the days before `scaleEnd` unless
 * given, so a walk-forward fold never learns it from its test days; `harDays` are the HAR windows (a stored
 * network's own, HAR_DAYS for a new one).
 */
export function volatilitySeries(
  daily: readonly Candle[],
  hourly: readonly Candle[],
  options: { scale?: number; scaleEnd?: number; harDays?: readonly [number, number] } = {},
): VolatilitySeries {
  const raw = dailyVariance(daily, hourly);
  const scale = options.scale ?? parkinsonScale(raw, options.scaleEnd ?? daily.length);
  return {
    variance: blendedVariance(raw, scale),
    ret: dailyReturns(daily),
    openTime: daily.map((c) => c.openTime),
    parkinson: raw.parkinson,
    volume: daily.map((c) => c.volume),
    scale,
    raw,
    harDays: options.harDays ?? HAR_DAYS,
  };
}

/** Input row at anchor t (t >= VOLATILITY_WARMUP - 1): uses days <= t only, in the order of VOLATILITY_FEATURES. */
export function volatilityRow(s: VolatilitySeries, t: number, steps: number): number[] {
  if (t < VOLATILITY_WARMUP - 1) throw new RangeError(`no volatility row for day ${t}: needs ${VOLATILITY_WARMUP} days`);
  let vol = 0;
  for (let i = t - VOLATILITY_WARMUP + 1; i < t; i++) vol += s.volume[i]! / (VOLATILITY_WARMUP - 1);
  let move = 0;
  for (let i = t - MOVE_DAYS + 1; i <= t; i++) move += s.ret[i]!;
  return [...harRow(s, t, steps), Math.log(Math.max(s.parkinson[t]!, 1e-10) * s.scale), Math.log((s.volume[t]! + EPS) / (vol + EPS)), Math.abs(move)];
}

/** Log of the realised variance over the `steps` days after t: the least-squares target the network starts from. */
export function volatilityTarget(s: VolatilitySeries, t: number, steps: number): number {
  return harTarget(s.variance, t, steps);
}
