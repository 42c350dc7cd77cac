// Walk-forward scoring of the range forecasts on exactly the test points of the point forecast (the same
// anchors, folds and purge as walk-forward.ts): the TF.js distribution network (quantile-network.ts), combined
// with the long-run volatility (long-run-volatility.ts), against
// two baselines and the classical model it starts from,
// - static: the 10th-90th percentiles of the last 365 known `steps`-day log returns ("no change" residuals),
//   the kind of fixed range the app showed before;
// - ewma: an exponentially weighted volatility (lambda 0.94) times the empirical quantiles of the returns it
//   standardises (scaled on the training rows);
// - har: the HAR regression of the log realised variance with standardised empirical quantiles (least squares).
// Every fit (network, regression, Parkinson scale, quantiles) uses only days whose values were known at the
// fold's start.
import type { Candle } from "@/lib/predict/candle";
import { planFolds } from "@/lib/predict/walk-forward";
import { quantile } from "@/lib/predict/metrics";
import { coverage, meanIntervalScore, type Range } from "@/lib/predict/interval-metrics";
import { fitHar, harSigma } from "@/lib/predict/har-volatility";
import { ewmaVariance, standardisedQuantiles, LEVELS } from "@/lib/predict/range-quantiles";
import { volatilitySeries, volatilityRow, volatilityTarget, VOLATILITY_WARMUP } from "@/lib/predict/volatility-features";
import { fitQuantileNetwork, quantileNetworkOutput, type QuantileTraining } from "@/lib/predict/quantile-network";
import { longRunSigma } from "@/lib/predict/long-run-volatility";

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
  har: RangeScore;
  /** days of the test period whose variance came from hourly candles */
  hourly_days: number;
  /** training steps early stopping kept in each fold (the final fit uses their median) */
  steps: number[];
  /** weight of the network against the long-run volatility chosen in each fold */
  mixes: number[];
}

const STATIC_POINTS = 365;
const ALPHA = 0.2;
const I10 = LEVELS.indexOf(0.1);
const I90 = LEVELS.indexOf(0.9);

export async function evaluateRanges(
  daily: readonly Candle[],
  hourly: readonly Candle[],
  allAnchors: readonly number[],
  steps: number,
  options: { testFraction?: number; folds?: number; seed?: number; training?: QuantileTraining; longRun?: boolean } = {},
): Promise<RangeEvaluation> {
  // The point forecast's test points exactly; training rows start once every input exists.
  const anchors = allAnchors.filter((a) => a + steps < daily.length);
  const total = anchors.length;
  const nTest = Math.max(1, Math.round(total * (options.testFraction ?? 0.2)));
  const folds = Math.max(1, Math.min(options.folds ?? 4, nTest));
  const fwd = (t: number) => Math.log(daily[t + steps]!.close / daily[t]!.close);

  const model: Range[] = [];
  const model95: Range[] = [];
  const stat: Range[] = [];
  const ew: Range[] = [];
  const har: Range[] = [];
  const actual: number[] = [];
  const kept: number[] = [];
  const mixes: number[] = [];
  const closes = daily.map((c) => c.close);
  const withLongRun = options.longRun ?? true;
  const longRun = (rows: readonly number[]) => (withLongRun ? rows.map((t) => longRunSigma(closes, t, steps)) : undefined);
  let hourlyDays = 0;
  let ewma: number[] | undefined;
  for (const [k, { trainEnd, testStart, testEnd }] of planFolds(anchors, nTest, folds, steps).entries()) {
    const start = anchors[testStart]!;
    const s = volatilitySeries(daily, hourly, { scaleEnd: start + 1 });
    ewma ??= ewmaVariance(s.ret);
    const train = anchors.slice(0, trainEnd).filter((a) => a >= VOLATILITY_WARMUP - 1);
    const test = anchors.slice(testStart, testEnd);
    const { net, steps: used } = await fitQuantileNetwork(
      train.map((t) => volatilityRow(s, t, steps)),
      train.map(fwd),
      train.map((t) => volatilityTarget(s, t, steps)),
      { seed: (options.seed ?? 7) + k, training: options.training, longRun: longRun(train) },
    );
    kept.push(used);
    mixes.push(net.mix ?? 1);
    const q = quantileNetworkOutput(net, test.map((t) => volatilityRow(s, t, steps)), longRun(test));
    const h = fitHar(s, train, steps);
    const zHar = standardisedQuantiles(train.map(fwd), harSigma(h, s, train, steps));
    const sHar = harSigma(h, s, test, steps);
    const ewSigma = (t: number) => Math.sqrt(ewma![t]! * steps);
    const zEw = standardisedQuantiles(train.map(fwd), train.map(ewSigma));
    test.forEach((t, i) => {
      const c = daily[t]!.close;
      const at = (logReturn: number) => c * Math.exp(logReturn);
      const qi = q[i]!;
      model.push({ low: at(qi[I10]!), high: at(qi[I90]!) });
      model95.push({ low: at(qi[0]), high: at(qi[4]) });
      har.push({ low: at(zHar[I10]! * sHar[i]!), high: at(zHar[I90]! * sHar[i]!) });
      ew.push({ low: at(zEw[I10]! * ewSigma(t)), high: at(zEw[I90]! * ewSigma(t)) });
      const known: number[] = [];
      for (let a = t - steps; a >= 0 && known.length < STATIC_POINTS; a--) known.push(fwd(a));
      stat.push({ low: at(quantile(known, 0.1)), high: at(quantile(known, 0.9)) });
      actual.push(daily[t + steps]!.close);
      if (Number.isFinite(s.raw.realised[t]!)) hourlyDays++;
    });
  }
  const score = (r: Range[]): RangeScore => ({ coverage_80: coverage(r, actual), interval_score_80: meanIntervalScore(r, actual, ALPHA) });
  return {
    n: actual.length,
    model: { ...score(model), coverage_95: coverage(model95, actual) },
    static: score(stat),
    ewma: score(ew),
    har: score(har),
    hourly_days: hourlyDays,
    steps: kept,
    mixes,
  };
}
