// One pair and horizon end to end: walk-forward evaluation (which reports the errors and supplies the
// residuals of the interval), then the model that is kept: refitted on the whole history for the number
// of epochs early stopping chose in the evaluation, so the newest candles count too.
import type { Candle } from "@/lib/predict/candle";
import { buildDataset } from "@/lib/predict/dataset";
import { fitScaler, scaleRows } from "@/lib/predict/scaler";
import { trainNetwork } from "@/lib/predict/train-network";
import { walkForward, type EvaluationOptions } from "@/lib/predict/walk-forward";
import { quantile } from "@/lib/predict/metrics";
import { DEFAULT_CONFIG, type ModelConfig } from "@/lib/predict/model-config";
import { HORIZON_STEPS, type Horizon } from "@/lib/predict/horizons";
import type { ModelMetrics, RangeMetrics, TrainedPredictor } from "@/lib/predict/trained-model";
import { evaluateRanges } from "@/lib/predict/evaluate-ranges";
import { fitRangeModel } from "@/lib/predict/range-model";

/** Residuals behind the interval: the most recent year of out-of-sample errors. */
const INTERVAL_POINTS = 365;

/** Evaluates, then trains the model to keep, for one candle history and horizon. */
export async function trainAndEvaluate(
  candles: readonly Candle[],
  horizon: Horizon,
  config: ModelConfig = DEFAULT_CONFIG,
  options: EvaluationOptions & { hourly?: readonly Candle[] } = {},
): Promise<TrainedPredictor> {
  const started = performance.now();
  const steps = HORIZON_STEPS[horizon];
  const e = await walkForward(candles, steps, config, options);

  const data = buildDataset(candles, { window: config.window, features: config.features, steps });
  const scaler = fitScaler(data.x);
  const sortedEpochs = [...e.bestEpochs].sort((a, b) => a - b);
  const epochs = sortedEpochs[Math.floor(sortedEpochs.length / 2)] ?? config.patience;
  const net = await trainNetwork(scaleRows(data.x, scaler), data.y, config, { fixedEpochs: epochs, seed: options.seed });

  const recent = e.residuals.slice(-INTERVAL_POINTS);
  const hourly = options.hourly ?? [];
  const r = await evaluateRanges(candles, hourly, data.anchors, steps, { folds: options.folds, testFraction: options.testFraction, seed: options.seed });
  const keptSteps = [...r.steps].sort((a, b) => a - b)[Math.floor(r.steps.length / 2)] ?? 0;
  const range: RangeMetrics = {
    ...(await fitRangeModel(candles, hourly, steps, { trainingSteps: keptSteps, seed: options.seed })),
    n: r.n,
    coverage_80: r.model.coverage_80,
    coverage_95: r.model.coverage_95,
    interval_score_80: r.model.interval_score_80,
    static_coverage_80: r.static.coverage_80,
    static_interval_score_80: r.static.interval_score_80,
    ewma_coverage_80: r.ewma.coverage_80,
    ewma_interval_score_80: r.ewma.interval_score_80,
    har_interval_score_80: r.har.interval_score_80,
    hourly_days: r.hourly_days,
  };
  const metrics: ModelMetrics = {
    n: e.n,
    mae: e.model_mae,
    naive_mae: e.naive_mae,
    linear_mae: e.linear_mae,
    ratio: e.ratio,
    linear_ratio: e.linear_ratio,
    directional_accuracy: e.directional_accuracy,
    beats_naive: e.model_mae < e.naive_mae,
    residual_q10: quantile(recent, 0.1),
    residual_q90: quantile(recent, 0.9),
    test_from: e.testFrom,
    test_to: e.testTo,
    range,
  };
  return {
    model: net.model,
    meta: { horizon, steps, config, scaler, yScale: net.yScale },
    metrics,
    dataFrom: candles[0]?.openTime ?? 0,
    dataTo: candles[candles.length - 1]?.openTime ?? 0,
    trainSeconds: (performance.now() - started) / 1000,
  };
}
