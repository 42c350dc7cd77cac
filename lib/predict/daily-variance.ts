// One variance number per daily candle, the raw material of the range forecasts:
// - realised variance: the sum of the squared hourly log returns inside the day, when the hourly candles
//   of that day are there (at least MIN_HOURS of 24);
// - otherwise the Parkinson estimate from the day's own high and low, log(high/low)^2 / (4 ln 2), scaled by
//   `parkinsonScale` (the median ratio of realised to Parkinson variance on days that have both, fitted on
//   the caller's training days only).
import { DAY_MS, type Candle } from "@/lib/predict/candle";

/** Fewest hourly candles of a day for its realised variance to count. */
export const MIN_HOURS = 20;

const FLOOR = 1e-10;

export interface DailyVariance {
  /** realised variance of each daily candle, NaN where the hourly candles were missing */
  realised: number[];
  /** Parkinson variance of each daily candle */
  parkinson: number[];
}

/** Realised and Parkinson variance per daily candle; `hourly` may be empty, in any case sorted by open time. */
export function dailyVariance(daily: readonly Candle[], hourly: readonly Candle[]): DailyVariance {
  const realised = daily.map(() => Number.NaN);
  const index = new Map<number, number>();
  daily.forEach((c, i) => index.set(c.openTime, i));
  const sums = new Map<number, { s: number; n: number }>();
  let prevClose: number | undefined;
  let prevTime = Number.NEGATIVE_INFINITY;
  for (const h of hourly) {
    const day = Math.floor(h.openTime / DAY_MS) * DAY_MS;
    // The first hour of a stretch (or after a gap) uses its own open, so an outage is not one huge return.
    const base = prevClose !== undefined && h.openTime - prevTime <= 3_600_000 ? prevClose : h.open;
    const r = Math.log(h.close / base);
    const acc = sums.get(day) ?? { s: 0, n: 0 };
    acc.s += r * r;
    acc.n++;
    sums.set(day, acc);
    prevClose = h.close;
    prevTime = h.openTime;
  }
  for (const [day, acc] of sums) {
    const i = index.get(day);
    if (i !== undefined && acc.n >= MIN_HOURS) realised[i] = (acc.s * 24) / acc.n;
  }
  const parkinson = daily.map((c) => Math.log(c.high / c.low) ** 2 / (4 * Math.LN2));
  return { realised, parkinson };
}

/** Median of realised / Parkinson over the days [0, end) that have both (1 without any). */
export function parkinsonScale(v: DailyVariance, end: number): number {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(end, v.realised.length); i++) {
    const rv = v.realised[i]!;
    const pk = v.parkinson[i]!;
    if (Number.isFinite(rv) && pk > FLOOR && rv > FLOOR) ratios.push(rv / pk);
  }
  if (ratios.length < 30) return 1;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)]!;
}

/** The variance used for each day: realised where known, else scaled Parkinson; never below a tiny floor. */
export function blendedVariance(v: DailyVariance, scale: number): number[] {
  return v.realised.map((rv, i) => Math.max(FLOOR, Number.isFinite(rv) ? rv : scale * v.parkinson[i]!));
}
