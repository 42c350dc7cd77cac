// Fits one network on standardised inputs. The target is divided by its spread on the training rows so
// that the loss and the learning rate mean the same thing for BTC's and XRP's volatility.
// Early stopping watches the most recent training samples (a validation tail, in time order) and
// restores the best weights; with a fixed epoch count (the final refit) there is no tail.
import { ensureBackend, tf } from "@/lib/predict/tf-backend";
import { buildNetwork } from "@/lib/predict/network";
import type { ModelConfig } from "@/lib/predict/model-config";

export interface TrainedNetwork {
  model: tf.LayersModel;
  /** multiply the network's output by this to get a log return */
  yScale: number;
  /** epoch (1-based) with the best validation loss, or the fixed count */
  bestEpoch: number;
}

function lossFn(loss: ModelConfig["loss"]): string | ((a: tf.Tensor, b: tf.Tensor) => tf.Tensor) {
  if (loss === "mse") return "meanSquaredError";
  if (loss === "mae") return "meanAbsoluteError";
  return (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.huberLoss(yTrue, yPred, undefined, 1.0);
}

function std(values: readonly number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const v = values.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, values.length);
  return v > 0 ? Math.sqrt(v) : 1;
}

function matrix(rows: readonly number[][]): tf.Tensor2D {
  const width = rows[0]?.length ?? 0;
  const flat = new Float32Array(rows.length * width);
  rows.forEach((r, i) => flat.set(r, i * width));
  return tf.tensor2d(flat, [rows.length, width]);
}

/**
 * Trains a network from `config` on (x, y) in time order. With `fixedEpochs` it trains on every row for that
 * many epochs; otherwise the last `validationFraction` of rows decide when to stop (they are not fitted).
 */
export async function trainNetwork(
  x: readonly number[][],
  y: readonly number[],
  config: ModelConfig,
  options: { fixedEpochs?: number; seed?: number } = {},
): Promise<TrainedNetwork> {
  await ensureBackend();
  const width = x[0]?.length ?? 0;
  const features = config.features.length;
  const nVal = options.fixedEpochs ? 0 : Math.max(1, Math.round(x.length * config.validationFraction));
  const nFit = x.length - nVal;
  if (nFit < 10) throw new Error(`too few samples to train (${x.length})`);
  const yScale = std(y.slice(0, nFit));
  const model = buildNetwork(config.network, width / features, features, options.seed);
  // Our own optimizer object: model.dispose() only frees optimizers it created itself, so this one (and its
  // moment tensors) is freed below once training ends.
  const optimizer = tf.train.adam(config.learningRate);
  model.compile({ optimizer, loss: lossFn(config.loss) });

  const xs = matrix(x.slice(0, nFit));
  const ys = tf.tensor2d(y.slice(0, nFit).map((v) => v / yScale), [nFit, 1]);
  const xv = nVal ? matrix(x.slice(nFit)) : undefined;
  const yv = nVal ? tf.tensor2d(y.slice(nFit).map((v) => v / yScale), [nVal, 1]) : undefined;
  try {
    if (options.fixedEpochs) {
      await model.fit(xs, ys, { epochs: options.fixedEpochs, batchSize: config.batchSize, shuffle: true, verbose: 0 });
      return { model, yScale, bestEpoch: options.fixedEpochs };
    }
    let best = Number.POSITIVE_INFINITY;
    let bestEpoch = 0;
    let bestWeights: tf.Tensor[] | undefined;
    for (let epoch = 1; epoch <= config.maxEpochs; epoch++) {
      await model.fit(xs, ys, { epochs: 1, batchSize: config.batchSize, shuffle: true, verbose: 0 });
      // Validation is judged by mean absolute error, the metric the model is reported on.
      const val = tf.tidy(() => (model.predict(xv!) as tf.Tensor).sub(yv!).abs().mean().dataSync()[0] ?? Number.NaN);
      if (val < best - 1e-6) {
        best = val;
        bestEpoch = epoch;
        bestWeights?.forEach((w) => w.dispose());
        bestWeights = model.getWeights().map((w) => w.clone());
      } else if (epoch - bestEpoch >= config.patience) {
        break;
      }
    }
    if (bestWeights) {
      model.setWeights(bestWeights);
      bestWeights.forEach((w) => w.dispose());
    }
    return { model, yScale, bestEpoch: Math.max(1, bestEpoch) };
  } finally {
    optimizer.dispose();
    xs.dispose();
    ys.dispose();
    xv?.dispose();
    yv?.dispose();
  }
}

/** Log-return predictions of a trained network for standardised input rows. */
export function predictNetwork(model: tf.LayersModel, yScale: number, x: readonly number[][]): number[] {
  if (x.length === 0) return [];
  return tf.tidy(() => {
    const out = model.predict(matrix(x)) as tf.Tensor;
    return Array.from(out.dataSync(), (v) => v * yScale);
  });
}
