// The range forecast that is kept and served: the TF.js distribution network (quantile-network.ts) fitted on the
// whole history for the number of training steps the walk-forward folds chose (their scores come from
// evaluate-ranges.ts) and combined with the long-run volatility (the weight chosen on its own training rows), and
// its use on the newest candles. Plain numbers, stored in the model's metrics JSON.
import type { Candle } from "@/lib/predict/candle";
import { volatilitySeries, volatilityRow, volatilityTarget, VOLATILITY_WARMUP } from "@/lib/predict/volatility-features";
import { fitQuantileNetwork, quantileNetworkOutput, type QuantileNetwork } from "@/lib/predict/quantile-network";
import type { Quantiles } from "@/lib/predict/range-quantiles";
import { longRunCandles, longRunSigma } from "@/lib/predict/long-run-volatility";
import { HAR_DAYS, LEGACY_HAR_DAYS } from "@/lib/predict/har-volatility";

export interface RangeModel {
  /** the distribution network: log-return quantiles at LEVELS (2.5, 10, 50, 90, 97.5 %) */
  network: QuantileNetwork;
  /** realised / Parkinson variance, for days without hourly candles */
  parkinson_scale: number;
  /** the HAR windows of the network's inputs (absent: stored before the whole weeks, LEGACY_HAR_DAYS) */
  har_days?: readonly [number, number];
}

/** Daily candles a range forecast needs (the inputs' 30-day volume mean and 28-day variance mean, plus the anchor). */
export const RANGE_CANDLES = VOLATILITY_WARMUP;

/** Daily candles for the long-run volatility in full at every horizon (with fewer it averages what there is). */
export const RANGE_HISTORY = longRunCandles(7) + 1;

/** Fits the range model on every anchor of the history that has a target `steps` days later. */
export async function fitRangeModel(
  daily: readonly Candle[],
  hourly: readonly Candle[],
  steps: number,
  options: { trainingSteps: number; seed?: number },
): Promise<RangeModel> {
  const closes = daily.map((c) => c.close);
  const s = volatilitySeries(daily, hourly);
  const anchors: number[] = [];
  for (let t = VOLATILITY_WARMUP - 1; t + steps < daily.length; t++) anchors.push(t);
  const { net } = await fitQuantileNetwork(
    anchors.map((t) => volatilityRow(s, t, steps)),
    anchors.map((t) => Math.log(daily[t + steps]!.close / daily[t]!.close)),
    anchors.map((t) => volatilityTarget(s, t, steps)),
    { fixedSteps: options.trainingSteps, seed: options.seed, longRun: anchors.map((t) => longRunSigma(closes, t, steps)) },
  );
  return { network: net, parkinson_scale: s.scale, har_days: HAR_DAYS };
}

/** Close quantiles (at LEVELS) `steps` days after the newest daily candle; null without enough candles or network. */
export function forecastRange(m: Partial<RangeModel>, daily: readonly Candle[], hourly: readonly Candle[], steps: number): Quantiles | null {
  if (daily.length < RANGE_CANDLES || !m.network) return null;
  const s = volatilitySeries(daily, hourly, { scale: m.parkinson_scale, harDays: m.har_days ?? LEGACY_HAR_DAYS });
  const last = daily.length - 1;
  const longRun = [longRunSigma(daily.map((c) => c.close), last, steps)];
  // a network stored before an input was appended reads the leading inputs it was trained on
  const row = volatilityRow(s, last, steps).slice(0, m.network.w.length);
  const q = quantileNetworkOutput(m.network, [row], longRun)[0]!;
  return q.map((r) => daily[last]!.close * Math.exp(r)) as Quantiles;
}
