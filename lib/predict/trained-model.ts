// What a trained predictor carries besides its weights: how to build and scale its input, how to scale
// its output, and how it did in the walk-forward evaluation. Stored next to the weights in the database.
import type { tf } from "@/lib/predict/tf-backend";
import type { ModelConfig } from "@/lib/predict/model-config";
import type { Scaler } from "@/lib/predict/scaler";
import type { Horizon } from "@/lib/predict/horizons";
import type { RangeModel } from "@/lib/predict/range-model";

/** How the 80% range did on the walk-forward test, against the fixed range and EWMA volatility (in USDT). */
export interface RangeScores {
  n: number;
  coverage_80: number;
  coverage_95: number;
  interval_score_80: number;
  static_coverage_80: number;
  static_interval_score_80: number;
  ewma_coverage_80: number;
  ewma_interval_score_80: number;
}

/** The range forecast: its fitted parameters and its walk-forward scores. */
export interface RangeMetrics extends RangeModel, RangeScores {
  /** interval score of the least-squares HAR range the network starts from (a reference, not served) */
  har_interval_score_80: number;
  /** evaluated days whose variance came from hourly candles */
  hourly_days: number;
}

export interface ModelMeta {
  horizon: Horizon;
  /** horizon in daily candles */
  steps: number;
  config: ModelConfig;
  scaler: Scaler;
  yScale: number;
}

/** Walk-forward results in price units, plus the residual quantiles of the prediction interval. */
export interface ModelMetrics {
  n: number;
  mae: number;
  naive_mae: number;
  linear_mae: number;
  ratio: number;
  linear_ratio: number;
  directional_accuracy: number;
  beats_naive: boolean;
  /** 10th and 90th percentiles of the recent out-of-sample log-return residuals (actual - predicted) */
  residual_q10: number;
  residual_q90: number;
  /** open times (ms) of the first and last evaluated anchor candle */
  test_from: number;
  test_to: number;
  /** absent in models stored before the range forecast existed */
  range?: RangeMetrics;
}

export interface TrainedPredictor {
  model: tf.LayersModel;
  meta: ModelMeta;
  metrics: ModelMetrics;
  /** open times (ms) of the first and last candle used */
  dataFrom: number;
  dataTo: number;
  trainSeconds: number;
}
