// Walk-forward evaluation: the most recent part of the history (default 20%) is predicted in time order,
// in folds; each fold's network, linear baseline and scaler are fitted only on samples whose target was
// already known at the fold's first anchor (a purge of `steps` candles, since 3d and 1w targets overlap).
// "No change" and the linear model are scored on exactly the same points as the network.
import type { Candle } from "@/lib/predict/candle";
import { buildDataset, minCandles } from "@/lib/predict/dataset";
import { fitScaler, scaleRows } from "@/lib/predict/scaler";
import { trainNetwork, predictNetwork } from "@/lib/predict/train-network";
import { fitLinear, predictLinear } from "@/lib/predict/linear-baseline";
import { meanAbsoluteError, directionalAccuracy } from "@/lib/predict/metrics";
import type { ModelConfig } from "@/lib/predict/model-config";

export interface EvaluationOptions {
  /** share of the samples, newest first, that are predicted out of sample */
  testFraction?: number;
  /** refits across the test part (1 = train once on the first part) */
  folds?: number;
  seed?: number;
  onFold?: (done: number, total: number) => void;
}

export interface Evaluation {
  /** evaluated points */
  n: number;
  model_mae: number;
  naive_mae: number;
  linear_mae: number;
  /** model_mae / naive_mae: below 1 beats "no change" */
  ratio: number;
  linear_ratio: number;
  directional_accuracy: number;
  linear_directional_accuracy: number;
  /** actual minus predicted log return at each test point, in time order (for the interval) */
  residuals: number[];
  /** open times of the first and last evaluated anchor candle */
  testFrom: number;
  testTo: number;
  bestEpochs: number[];
  trainSeconds: number;
}

export interface Fold {
  /** samples [0, trainEnd) are fitted (scaler, network, linear baseline) */
  trainEnd: number;
  /** samples [testStart, testEnd) are predicted */
  testStart: number;
  testEnd: number;
}

/**
 * Splits the newest `nTest` of the samples into `folds` consecutive test blocks. Each block trains on the
 * samples whose target close (anchor + steps) is already known at the block's first anchor: with overlapping
 * 3d/1w targets, the last few samples before a block would otherwise have seen prices inside it.
 */
export function planFolds(anchors: readonly number[], nTest: number, folds: number, steps: number): Fold[] {
  const total = anchors.length;
  const first = total - nTest;
  const out: Fold[] = [];
  for (let k = 0; k < folds; k++) {
    const testStart = first + Math.floor((nTest * k) / folds);
    const testEnd = first + Math.floor((nTest * (k + 1)) / folds);
    const startAnchor = anchors[testStart] ?? Number.POSITIVE_INFINITY;
    let trainEnd = 0;
    while (trainEnd < testStart && (anchors[trainEnd] ?? Number.POSITIVE_INFINITY) + steps <= startAnchor) trainEnd++;
    out.push({ trainEnd, testStart, testEnd });
  }
  return out;
}

/** Runs the walk-forward evaluation of `config` for a horizon of `steps` candles. */
export async function walkForward(
  candles: readonly Candle[],
  steps: number,
  config: ModelConfig,
  options: EvaluationOptions = {},
): Promise<Evaluation> {
  const data = buildDataset(candles, { window: config.window, features: config.features, steps });
  const total = data.y.length;
  const nTest = Math.max(1, Math.round(total * (options.testFraction ?? 0.2)));
  const folds = Math.max(1, Math.min(options.folds ?? 4, nTest));
  const firstTest = total - nTest;
  if (firstTest < 100) {
    const need = minCandles(config.window) + steps + Math.ceil(100 / (1 - (options.testFraction ?? 0.2)));
    throw new Error(`not enough history: ${candles.length} candles, need about ${need} for a walk-forward evaluation (window ${config.window}, horizon ${steps})`);
  }

  const modelPred: number[] = [];
  const linearPred: number[] = [];
  const bestEpochs: number[] = [];
  let trainSeconds = 0;
  const plan = planFolds(data.anchors, nTest, folds, steps);
  for (const [k, { trainEnd, testStart: start, testEnd: end }] of plan.entries()) {
    const scaler = fitScaler(data.x.slice(0, trainEnd));
    const xTrain = scaleRows(data.x.slice(0, trainEnd), scaler);
    const yTrain = data.y.slice(0, trainEnd);
    const xTest = scaleRows(data.x.slice(start, end), scaler);

    const t0 = performance.now();
    const net = await trainNetwork(xTrain, yTrain, config, { seed: options.seed === undefined ? undefined : options.seed + k });
    trainSeconds += (performance.now() - t0) / 1000;
    bestEpochs.push(net.bestEpoch);
    modelPred.push(...predictNetwork(net.model, net.yScale, xTest));
    net.model.dispose();
    linearPred.push(...predictLinear(fitLinear(xTrain, yTrain), xTest));
    options.onFold?.(k + 1, folds);
  }

  const actualRet = data.y.slice(firstTest);
  const anchors = data.anchors.slice(firstTest);
  const lastClose = anchors.map((a) => candles[a]!.close);
  const actual = actualRet.map((r, i) => lastClose[i]! * Math.exp(r));
  const toPrice = (preds: number[]) => preds.map((r, i) => lastClose[i]! * Math.exp(r));
  const model_mae = meanAbsoluteError(toPrice(modelPred), actual);
  const naive_mae = meanAbsoluteError(lastClose, actual);
  const linear_mae = meanAbsoluteError(toPrice(linearPred), actual);
  return {
    n: actual.length,
    model_mae,
    naive_mae,
    linear_mae,
    ratio: model_mae / naive_mae,
    linear_ratio: linear_mae / naive_mae,
    directional_accuracy: directionalAccuracy(modelPred, actualRet),
    linear_directional_accuracy: directionalAccuracy(linearPred, actualRet),
    residuals: actualRet.map((r, i) => r - modelPred[i]!),
    testFrom: candles[anchors[0]!]!.openTime,
    testTo: candles[anchors[anchors.length - 1]!]!.openTime,
    bestEpochs,
    trainSeconds,
  };
}
