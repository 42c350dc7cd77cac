// The distribution network: a small TF.js model from standardised volatility features to the quantiles (2.5, 10,
// 50, 90, 97.5 %) of the log return to the target close, trained with the quantile (pinball) loss, which for the
// 10 % and 90 % levels is exactly the interval score of the 80 % range (interval-metrics.ts).
//
//   log sigma = (x.w + b + tanh(x W1 + b1) . w2) / 2        quantile_k = z_k * sigma
//
// The linear part starts at the least-squares fit of the log realised variance (a HAR regression, closed form,
// recent years weighted more: recency-weights.ts),
// the hidden part at zero and z at the empirical quantiles of the returns so standardised (used symmetric around
// zero: no drift): training starts from the classical model and moves only where the pinball loss on the training
// rows says so. Full-batch Adam; early
// stopping on the newest training rows (in time order) unless a step count is given. Weights are plain numbers
// (stored in the model's metrics JSON); the forward pass is the same TF.js graph in training and serving.
//
// Given the long-run volatility of each row (long-run-volatility.ts), the network's sigma is combined with it in
// the graph, log sigma = mix * log sigma_network + (1 - mix) * log sigma_long_run, with mix chosen before training
// (chooseMixOnStart, a rolling origin over the newest half of the rows) and fixed; z then starts at the empirical quantiles under the combined start and is trained.
import { ensureBackend, tf } from "@/lib/predict/tf-backend";
import { fitScaler, scaleRows, type Scaler } from "@/lib/predict/scaler";
import { fitLinear, predictLinear } from "@/lib/predict/linear-baseline";
import { recencyWeights } from "@/lib/predict/recency-weights";
import { standardisedQuantiles, LEVELS, type Quantiles } from "@/lib/predict/range-quantiles";
import { chooseMix, mixSigma } from "@/lib/predict/long-run-volatility";

export interface QuantileNetwork {
  scaler: Scaler;
  w: number[];
  b: number;
  /** hidden layer: inputs x HIDDEN, row-major */
  w1: number[];
  b1: number[];
  w2: number[];
  /** standardised quantiles at LEVELS */
  z: number[];
  /** weight of the network's log sigma against the long-run volatility's (absent: the network alone) */
  mix?: number;
}

export interface QuantileTraining {
  /** hidden units */
  hidden: number;
  learningRate: number;
  maxSteps: number;
  /** steps without a better validation loss before stopping (checked every CHECK_EVERY steps) */
  patience: number;
  validationFraction: number;
  /** L2 penalty on the hidden layer's weights */
  l2: number;
}

export const QUANTILE_TRAINING: QuantileTraining = { hidden: 8, learningRate: 0.001, maxSteps: 400, patience: 60, validationFraction: 0.15, l2: 1e-3 };

const CHECK_EVERY = 10;

interface Vars {
  w: tf.Variable;
  b: tf.Variable;
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
  z: tf.Variable;
}

function logSigma(v: Record<"w" | "b" | "w1" | "b1" | "w2", tf.Tensor>, x: tf.Tensor2D): tf.Tensor1D {
  const linear = x.matMul(v.w).add(v.b);
  const hidden = tf.tanh(x.matMul(v.w1).add(v.b1)).matMul(v.w2);
  return linear.add(hidden).mul(0.5).reshape([-1]);
}

/**
 * The quantiles actually used: z made symmetric around a median of zero, z_k = (z_k - z_(4-k)) / 2. The direction
 * of the next move is not predictable (docs/prediction.md), so the range carries no drift: the training period's
 * (2018-2024, mostly rising) would otherwise tilt every range upward.
 */
function symmetric(z: tf.Tensor): tf.Tensor {
  return z.sub(z.reverse()).mul(0.5);
}

function symmetricValues(z: readonly number[]): number[] {
  return z.map((v, k) => (v - z[z.length - 1 - k]!) / 2);
}

/** log sigma of the combination: mix * the network's + (1 - mix) * the long-run volatility's (logLongRun per row). */
function combinedLogSigma(v: Record<"w" | "b" | "w1" | "b1" | "w2", tf.Tensor>, x: tf.Tensor2D, mix: number, logLongRun?: tf.Tensor1D): tf.Tensor1D {
  const own = logSigma(v, x);
  return logLongRun && mix < 1 ? own.mul(mix).add(logLongRun.mul(1 - mix)) : own;
}

function pinball(v: Vars, x: tf.Tensor2D, y: tf.Tensor1D, taus: tf.Tensor1D, mix: number, logLongRun?: tf.Tensor1D): tf.Scalar {
  const q = tf.exp(combinedLogSigma(v, x, mix, logLongRun)).expandDims(1).mul(symmetric(v.z).expandDims(0));
  const e = y.expandDims(1).sub(q);
  return tf.maximum(e.mul(taus), e.mul(taus.sub(1))).mean();
}

function matrix(rows: readonly number[][]): tf.Tensor2D {
  const width = rows[0]?.length ?? 0;
  const flat = new Float32Array(rows.length * width);
  rows.forEach((r, i) => flat.set(r, i * width));
  return tf.tensor2d(flat, [rows.length, width]);
}

/** A seeded uniform in [-a, a] (the hidden layer's start; the output weights start at zero anyway). */
function seeded(n: number, a: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 4294967296) * 2 * a - a;
  });
}

export interface QuantileFitOptions {
  /** train this many steps on every row (no early stopping) */
  fixedSteps?: number;
  seed?: number;
  training?: QuantileTraining;
  /** long-run volatility of each row: the network is combined with it (the weight chosen on these rows) */
  longRun?: readonly number[];
}

/**
 * Trains the network on rows x (raw volatility features), targets y (log returns to the target close) and the
 * auxiliary log realised variance `logVar` (only for the starting point). Returns the network and the number of
 * steps it kept (the best validation step, or `fixedSteps`).
 */
export async function fitQuantileNetwork(
  x: readonly number[][],
  y: readonly number[],
  logVar: readonly number[],
  options: QuantileFitOptions = {},
): Promise<{ net: QuantileNetwork; steps: number }> {
  await ensureBackend();
  const cfg = options.training ?? QUANTILE_TRAINING;
  const nVal = options.fixedSteps !== undefined ? 0 : Math.max(1, Math.round(x.length * cfg.validationFraction));
  const nFit = x.length - nVal;
  if (nFit < 50) throw new Error(`too few samples to fit the distribution network (${x.length})`);
  const scaler = fitScaler(x.slice(0, nFit));
  const xs = scaleRows(x, scaler);
  const p = xs[0]!.length;
  const ols = fitLinear(xs.slice(0, nFit), logVar.slice(0, nFit), 1e-6, recencyWeights(nFit));
  const sigma0 = xs.slice(0, nFit).map((r) => Math.sqrt(Math.exp(r.reduce((s, v, j) => s + v * ols.weights[j]!, ols.bias))));
  const longRun = options.longRun;
  const mix = longRun ? chooseMixOnStart(xs, y, logVar, longRun) : 1;
  const z0 = standardisedQuantiles(y.slice(0, nFit), longRun ? mixSigma(sigma0, longRun, mix) : sigma0);

  const v: Vars = {
    w: tf.variable(tf.tensor2d(ols.weights, [p, 1])),
    b: tf.variable(tf.scalar(ols.bias)),
    w1: tf.variable(tf.tensor2d(seeded(p * cfg.hidden, Math.sqrt(6 / (p + cfg.hidden)), options.seed ?? 7), [p, cfg.hidden])),
    b1: tf.variable(tf.zeros([cfg.hidden])),
    w2: tf.variable(tf.zeros([cfg.hidden, 1])),
    z: tf.variable(tf.tensor1d(z0)),
  };
  const taus = tf.tensor1d([...LEVELS]);
  const xFit = matrix(xs.slice(0, nFit));
  const yFit = tf.tensor1d(y.slice(0, nFit));
  const xVal = nVal ? matrix(xs.slice(nFit)) : undefined;
  const yVal = nVal ? tf.tensor1d(y.slice(nFit)) : undefined;
  const logLongRun = longRun ? longRun.map((l) => Math.log(l)) : undefined;
  const lrFit = logLongRun ? tf.tensor1d(logLongRun.slice(0, nFit)) : undefined;
  const lrVal = logLongRun && nVal ? tf.tensor1d(logLongRun.slice(nFit)) : undefined;
  const optimizer = tf.train.adam(cfg.learningRate);
  const read = (): QuantileNetwork => ({
    scaler,
    w: Array.from(v.w.dataSync()),
    b: v.b.dataSync()[0]!,
    w1: Array.from(v.w1.dataSync()),
    b1: Array.from(v.b1.dataSync()),
    w2: Array.from(v.w2.dataSync()),
    z: symmetricValues([...v.z.dataSync()]).sort((a, b) => a - b),
    ...(longRun ? { mix } : {}),
  });
  try {
    const total = options.fixedSteps ?? cfg.maxSteps;
    const validation = () => tf.tidy(() => pinball(v, xVal!, yVal!, taus, mix, lrVal).dataSync()[0]!);
    let best = nVal ? validation() : Number.POSITIVE_INFINITY;
    let bestStep = 0;
    let bestNet = read();
    for (let step = 1; step <= total; step++) {
      optimizer.minimize(() => pinball(v, xFit, yFit, taus, mix, lrFit).add<tf.Scalar>(v.w1.square().sum().mul(cfg.l2 / nFit)), false);
      if (!nVal || step % CHECK_EVERY !== 0) continue;
      const val = validation();
      if (val < best - 1e-9) {
        best = val;
        bestStep = step;
        bestNet = read();
      } else if (step - bestStep >= cfg.patience) {
        break;
      }
    }
    return nVal ? { net: bestNet, steps: bestStep } : { net: read(), steps: total };
  } finally {
    optimizer.dispose();
    const tensors: (tf.Tensor | undefined)[] = [v.w, v.b, v.w1, v.b1, v.w2, v.z, taus, xFit, yFit, xVal, yVal, lrFit, lrVal];
    for (const t of tensors) t?.dispose();
  }
}

/** Where the held-back blocks of the mix choice start, as shares of the rows (each block runs to the next). */
const MIX_ORIGINS = [0.5, 0.6, 0.7, 0.8, 0.9] as const;

/**
 * The weight of the network against the long-run volatility, chosen before training by a rolling origin over the
 * newest half of the rows: for each origin the least-squares start is refitted on the rows before it and the
 * block up to the next origin is held back; the weight with the lowest pinball loss over the five blocks together
 * wins (the network moves little from that start, and closed-form fits leave more held-back rows than early
 * stopping has). One 70/30 split judged the weight on the newest 30 % alone, which at 3d and 1w was a single calm
 * or wild stretch; five blocks fitted on growing histories are a steadier, still honest, judge.
 */
function chooseMixOnStart(xs: readonly number[][], y: readonly number[], logVar: readonly number[], longRun: readonly number[]): number {
  const at = (share: number | undefined) => (share === undefined ? xs.length : Math.floor(xs.length * share));
  const splits = MIX_ORIGINS.map((origin, i) => {
    const cut = at(origin);
    const end = at(MIX_ORIGINS[i + 1]);
    const ols = fitLinear(xs.slice(0, cut), logVar.slice(0, cut), 1e-6, recencyWeights(cut));
    const start = predictLinear(ols, xs.slice(0, end)).map((lv) => Math.sqrt(Math.exp(lv)));
    const part = (from: number, to: number) => ({ y: y.slice(from, to), network: start.slice(from, to), longRun: longRun.slice(from, to) });
    return { fit: part(0, cut), held: part(cut, end) };
  });
  return chooseMix(splits);
}

/**
 * Log-return quantiles (at LEVELS) for raw feature rows; a network combined with the long-run volatility needs
 * that of each row (`longRun`).
 */
export function quantileNetworkOutput(net: QuantileNetwork, rows: readonly number[][], longRun?: readonly number[]): Quantiles[] {
  const sigma = networkSigma(net, rows);
  const mix = net.mix ?? 1;
  if (mix < 1 && longRun?.length !== rows.length) throw new RangeError("this range network is combined with the long-run volatility: pass it for every row");
  const s = mix < 1 ? mixSigma(sigma, longRun!, mix) : sigma;
  return s.map((v) => net.z.map((z) => z * v) as Quantiles);
}

/** The network's own volatility (sigma of the log return, before any combination) for raw feature rows. */
export function networkSigma(net: QuantileNetwork, rows: readonly number[][]): number[] {
  if (rows.length === 0) return [];
  const p = net.w.length;
  const hidden = net.b1.length;
  const sigma = tf.tidy(() => {
    const x = matrix(scaleRows(rows, net.scaler));
    const vars = {
      w: tf.tensor2d(net.w, [p, 1]),
      b: tf.scalar(net.b),
      w1: tf.tensor2d(net.w1, [p, hidden]),
      b1: tf.tensor1d(net.b1),
      w2: tf.tensor2d(net.w2, [hidden, 1]),
    };
    return tf.exp(logSigma(vars, x)).dataSync();
  });
  return Array.from(sigma);
}
