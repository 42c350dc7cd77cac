// The volatility half of the range forecast: a HAR-style regression (Corsi 2009) of the log of the variance
// over the next `steps` days on the log of the recent daily variance, averaged over 1 day, a week and four weeks,
// plus the size of the anchor day's fall and rise (falls raise volatility more) and the weekdays of the target days
// (crypto moves less at weekends: this alone takes ~1.5% off the interval score). Weighted least squares (recent
// years count more, ./recency-weights.ts), fitted on training rows only; its output is the standard deviation of
// the log return to the target close.
import { fitLinear, predictLinear, type LinearModel } from "@/lib/predict/linear-baseline";
import { recencyWeights } from "@/lib/predict/recency-weights";

/**
 * The windows (days) of the two averaged variances: whole weeks, because crypto trades every day. The classical
 * 5 and 22 (a stock market's week and month) made the "week" hold two weekend days one time and none the next.
 */
export const HAR_DAYS: readonly [number, number] = [7, 28];
/** The windows of the range networks stored before the whole weeks (their metrics carry no `har_days`). */
export const LEGACY_HAR_DAYS: readonly [number, number] = [5, 22];

/** Daily variances before the first anchor the features need (the longest mean). */
export const HAR_WARMUP = Math.max(...HAR_DAYS, ...LEGACY_HAR_DAYS);

export const HAR_FEATURES = ["log_v1", "log_v_week", "log_v_4weeks", "fall", "rise", "sun", "mon", "tue", "wed", "thu", "fri"] as const;

/** Per-day inputs: blended daily variance, log return of the close, open time (ms), and the windows (HAR_DAYS). */
export interface HarSeries {
  variance: readonly number[];
  ret: readonly number[];
  openTime: readonly number[];
  harDays?: readonly [number, number];
}

function meanOf(v: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += v[i]!;
  return s / (to - from + 1);
}

/** Share of each weekday (Sunday..Friday) among the `steps` days after the anchor (known in advance: the calendar). */
export function weekdayShares(anchorOpenTime: number, steps: number): number[] {
  const share = [0, 0, 0, 0, 0, 0, 0];
  for (let j = 1; j <= steps; j++) share[new Date(anchorOpenTime + j * 86_400_000).getUTCDay()]! += 1 / steps;
  return share.slice(0, 6); // Sunday..Friday; Saturday is the reference the intercept absorbs
}

/**
 * HAR inputs at anchor t (uses days <= t only, plus the calendar of the target days: crypto trades less at
 * weekends). `ret[t]` is the anchor day's log return of the close, `openTime[t]` its open time.
 */
export function harRow(s: HarSeries, t: number, steps: number): number[] {
  const { variance, ret, openTime } = s;
  const [week, month] = s.harDays ?? HAR_DAYS;
  if (t < HAR_WARMUP - 1) throw new RangeError(`no HAR row for day ${t}: needs ${HAR_WARMUP} days`);
  const row = [
    Math.log(variance[t]!),
    Math.log(meanOf(variance, t - week + 1, t)),
    Math.log(meanOf(variance, t - month + 1, t)),
    Math.min(0, ret[t] ?? 0) * 10,
    Math.max(0, ret[t] ?? 0) * 10,
  ];
  row.push(...weekdayShares(openTime[t]!, steps));
  return row;
}

/** Target of anchor t: log of the summed variance of the `steps` following days. */
export function harTarget(variance: readonly number[], t: number, steps: number): number {
  let s = 0;
  for (let j = 1; j <= steps; j++) s += variance[t + j]!;
  return Math.log(s);
}

/** Fits the regression on the given anchors (each needs `steps` later days). */
export function fitHar(s: HarSeries, anchors: readonly number[], steps: number): LinearModel {
  const x = anchors.map((t) => harRow(s, t, steps));
  const y = anchors.map((t) => harTarget(s.variance, t, steps));
  return fitLinear(x, y, 1e-6, recencyWeights(x.length));
}

/** Forecast standard deviation of the `steps`-day log return from each anchor. */
export function harSigma(m: LinearModel, s: HarSeries, anchors: readonly number[], steps: number): number[] {
  return predictLinear(m, anchors.map((t) => harRow(s, t, steps))).map((lv) => Math.sqrt(Math.exp(lv)));
}
