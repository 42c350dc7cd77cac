// Walk-forward scoring of the range forecasts on exactly the test points of the point forecast (the same
// anchors, folds and purge as walk-forward.ts): the HAR volatility model with standardised empirical quantiles
// against two baselines,
// - static: the 10th-90th percentiles of the last 365 known `steps`-day log returns ("no change" residuals),
//   the kind of fixed range the app showed before;
// - ewma: an exponentially weighted volatility (lambda 0.94) times the empirical quantiles of the returns it
//   standardises (scaled on the training rows).
// Every fit (regression, Parkinson scale, quantiles) uses only days whose values were known at the fold's start.
import type { Candle } from "@/lib/predict/candle";
import { planFolds } from "@/lib/predict/walk-forward";
import { quantile } from "@/lib/predict/metrics";
import { coverage, meanIntervalScore, type Range } from "@/lib/predict/interval-metrics";
import { dailyVariance, parkinsonScale, blendedVariance } from "@/lib/predict/daily-variance";
import { fitHar, harSigma, HAR_WARMUP } from "@/lib/predict/har-volatility";
import { ewmaVariance, standardisedQuantiles, LEVELS } from "@/lib/predict/range-quantiles";

/** Scores of one kind of 80% range on the test points, in price units. */
export interface RangeScore {
  coverage_80: number;
  interval_score_80: number;
}

export interface RangeEvaluation {
  n: number;
  model: RangeScore & { coverage_95: number };
  static: RangeScore;
  ewma: RangeScore;
  /** days of the test period whose variance came from hourly candles */
  hourly_days: number;
}

const STATIC_POINTS = 365;
const ALPHA = 0.2;
const I10 = LEVELS.indexOf(0.1);
const I90 = LEVELS.indexOf(0.9);

/** Log returns of the close per day (0 for the first). */
export function dailyReturns(daily: readonly Candle[]): number[] {
  return daily.map((c, i) => (i === 0 ? 0 : Math.log(c.close / daily[i - 1]!.close)));
}

export function evaluateRanges(
  daily: readonly Candle[],
  hourly: readonly Candle[],
  allAnchors: readonly number[],
  steps: number,
  options: { testFraction?: number; folds?: number } = {},
): RangeEvaluation {
  const anchors = allAnchors.filter((a) => a >= HAR_WARMUP - 1 && a + steps < daily.length);
  const total = anchors.length;
  const nTest = Math.max(1, Math.round(total * (options.testFraction ?? 0.2)));
  const folds = Math.max(1, Math.min(options.folds ?? 4, nTest));
  const ret = dailyReturns(daily);
  const fwd = (t: number) => Math.log(daily[t + steps]!.close / daily[t]!.close);
  const dv = dailyVariance(daily, hourly);
  const ewma = ewmaVariance(ret);
  const openTimes = daily.map((c) => c.openTime);

  const model: Range[] = [];
  const model95: Range[] = [];
  const stat: Range[] = [];
  const ew: Range[] = [];
  const actual: number[] = [];
  let hourlyDays = 0;
  for (const { trainEnd, testStart, testEnd } of planFolds(anchors, nTest, folds, steps)) {
    const start = anchors[testStart]!;
    const variance = blendedVariance(dv, parkinsonScale(dv, start + 1));
    const train = anchors.slice(0, trainEnd);
    const test = anchors.slice(testStart, testEnd);
    const series = { variance, ret, openTime: openTimes };
    const har = fitHar(series, train, steps);
    const zModel = standardisedQuantiles(train.map(fwd), harSigma(har, series, train, steps));
    const ewSigma = (t: number) => Math.sqrt(ewma[t]! * steps);
    const zEw = standardisedQuantiles(train.map(fwd), train.map(ewSigma));
    const sigma = harSigma(har, series, test, steps);
    test.forEach((t, i) => {
      const c = daily[t]!.close;
      const at = (z: number, s: number) => c * Math.exp(z * s);
      model.push({ low: at(zModel[I10]!, sigma[i]!), high: at(zModel[I90]!, sigma[i]!) });
      model95.push({ low: at(zModel[0], sigma[i]!), high: at(zModel[4], sigma[i]!) });
      ew.push({ low: at(zEw[I10]!, ewSigma(t)), high: at(zEw[I90]!, ewSigma(t)) });
      const known: number[] = [];
      for (let a = t - steps; a >= 0 && known.length < STATIC_POINTS; a--) known.push(fwd(a));
      stat.push({ low: c * Math.exp(quantile(known, 0.1)), high: c * Math.exp(quantile(known, 0.9)) });
      actual.push(daily[t + steps]!.close);
      if (Number.isFinite(dv.realised[t]!)) hourlyDays++;
    });
  }
  const score = (r: Range[]): RangeScore => ({ coverage_80: coverage(r, actual), interval_score_80: meanIntervalScore(r, actual, ALPHA) });
  return {
    n: actual.length,
    model: { ...score(model), coverage_95: coverage(model95, actual) },
    static: score(stat),
    ewma: score(ew),
    hourly_days: hourlyDays,
  };
}
