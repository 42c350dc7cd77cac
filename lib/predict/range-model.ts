// The range forecast that is kept and served: the HAR volatility regression and the standardised quantiles,
// fitted on the whole history (the walk-forward scores come from evaluate-ranges.ts), and its use on the
// newest candles. Plain numbers, stored in the model's metrics JSON.
import type { Candle } from "@/lib/predict/candle";
import { dailyVariance, parkinsonScale, blendedVariance } from "@/lib/predict/daily-variance";
import { fitHar, harSigma, HAR_WARMUP, type HarSeries } from "@/lib/predict/har-volatility";
import { standardisedQuantiles, closeQuantiles, type Quantiles } from "@/lib/predict/range-quantiles";
import { dailyReturns } from "@/lib/predict/evaluate-ranges";

export interface RangeModel {
  weights: number[];
  bias: number;
  /** standardised quantiles at LEVELS (2.5, 10, 50, 90, 97.5 %) */
  z: Quantiles;
  /** realised / Parkinson variance, for days without hourly candles */
  parkinson_scale: number;
}

/** Daily candles a range forecast needs (the 22-day variance mean plus the anchor). */
export const RANGE_CANDLES = HAR_WARMUP + 1;

function series(daily: readonly Candle[], hourly: readonly Candle[], scale?: number): { s: HarSeries; scale: number } {
  const dv = dailyVariance(daily, hourly);
  const k = scale ?? parkinsonScale(dv, daily.length);
  return { s: { variance: blendedVariance(dv, k), ret: dailyReturns(daily), openTime: daily.map((c) => c.openTime) }, scale: k };
}

/** Fits the range model on every anchor of the history that has a target `steps` days later. */
export function fitRangeModel(daily: readonly Candle[], hourly: readonly Candle[], steps: number): RangeModel {
  const { s, scale } = series(daily, hourly);
  const anchors: number[] = [];
  for (let t = HAR_WARMUP - 1; t + steps < daily.length; t++) anchors.push(t);
  const har = fitHar(s, anchors, steps);
  const fwd = anchors.map((t) => Math.log(daily[t + steps]!.close / daily[t]!.close));
  return { weights: har.weights, bias: har.bias, z: standardisedQuantiles(fwd, harSigma(har, s, anchors, steps)), parkinson_scale: scale };
}

/** Close quantiles (at LEVELS) `steps` days after the newest daily candle; null without enough candles. */
export function forecastRange(m: RangeModel, daily: readonly Candle[], hourly: readonly Candle[], steps: number): Quantiles | null {
  if (daily.length < RANGE_CANDLES) return null;
  const { s } = series(daily, hourly, m.parkinson_scale);
  const last = daily.length - 1;
  const sigma = harSigma({ weights: m.weights, bias: m.bias }, s, [last], steps)[0]!;
  return closeQuantiles(daily[last]!.close, sigma, m.z);
}
