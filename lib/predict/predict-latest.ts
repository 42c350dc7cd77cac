// The forecast from the newest complete candle: the model's log return turned into a close, with an
// 80% interval and the other quantiles from the range model (volatility forecast x standardised quantiles);
// models stored before the range model fall back to the quantiles of their recent out-of-sample residuals.
import { DAY_MS, type Candle } from "@/lib/predict/candle";
import { featureRow, WARMUP } from "@/lib/predict/features";
import { scaleRow } from "@/lib/predict/scaler";
import { predictNetwork } from "@/lib/predict/train-network";
import type { LoadedModel } from "@/lib/predict/model-store";
import { forecastRange } from "@/lib/predict/range-model";
import type { Quantiles } from "@/lib/predict/range-quantiles";

export interface PredictionSnapshot {
  /** predicted close */
  prediction: number;
  logReturn: number;
  lastPrice: number;
  /** close time (ms) of the newest candle used: the moment the forecast is made from */
  asOf: number;
  /** close time (ms) of the candle whose close is predicted */
  targetTime: number;
  interval: { low: number; high: number };
  /** close quantiles at 2.5, 10, 50, 90, 97.5 % from the range model (null for models stored before it) */
  quantiles: Quantiles | null;
}

/** Candles needed to predict with a model of this window. */
export function candlesNeeded(window: number): number {
  return WARMUP + window;
}

/** Predicts from the newest candles (oldest first, at least candlesNeeded(window) of them). */
export function predictLatest(m: Pick<LoadedModel, "model" | "meta" | "metrics">, candles: readonly Candle[], hourly: readonly Candle[] = []): PredictionSnapshot {
  const { config, scaler, yScale, steps } = m.meta;
  const n = candles.length;
  if (n < candlesNeeded(config.window)) throw new RangeError(`need ${candlesNeeded(config.window)} daily candles, have ${n}`);
  const x: number[] = [];
  for (let t = n - config.window; t < n; t++) x.push(...featureRow(candles, t, config.features));
  const logReturn = predictNetwork(m.model, yScale, [scaleRow(x, scaler)])[0] ?? 0;
  const last = candles[n - 1]!;
  const lastPrice = last.close;
  const asOf = last.openTime + DAY_MS;
  const range = m.metrics.range;
  const quantiles = range ? forecastRange(range, candles, hourly, steps) : null;
  return {
    prediction: lastPrice * Math.exp(logReturn),
    logReturn,
    lastPrice,
    asOf,
    targetTime: asOf + steps * DAY_MS,
    interval: quantiles
      ? { low: quantiles[1], high: quantiles[3] }
      : { low: lastPrice * Math.exp(logReturn + m.metrics.residual_q10), high: lastPrice * Math.exp(logReturn + m.metrics.residual_q90) },
    quantiles,
  };
}
