// The slow half of the range forecast: the long-run volatility of the `steps`-day log return, the root mean
// square of the last LONG_RUN_POINTS of them that were known at the anchor (the data of the static range, without
// its drift), and the combination of the network's volatility with it:
//
//   log sigma = mix * log sigma_network + (1 - mix) * log sigma_long_run
//
// The least-squares/pinball network reacts to the last days' realised variance as much as it predicts the *log*
// variance of the target days; the interval score gains from leaning part of the way back to the long-run level,
// the more so the longer the horizon (volatility reverts to its mean over weeks). `mix` is chosen, like the
// network's step count, on training rows the fit did not see (chooseMix), never on the test points.
import { pinballLoss } from "@/lib/predict/interval-metrics";
import { standardisedQuantiles, LEVELS, type Quantiles } from "@/lib/predict/range-quantiles";

/** Known `steps`-day returns the long-run volatility averages over (a year of anchors). */
export const LONG_RUN_POINTS = 365;

/** Daily closes a full long-run volatility needs at a horizon of `steps` days (anchor included). */
export function longRunCandles(steps: number): number {
  return LONG_RUN_POINTS + steps;
}

/** The weights of the network tried by chooseMix (1 = the network alone). */
export const MIX_GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;

/**
 * Root mean square of the `steps`-day log returns of closes known at anchor t (those ending at t or before), the
 * newest LONG_RUN_POINTS of them; with a shorter history as many as there are (NaN with none).
 */
export function longRunSigma(closes: readonly number[], t: number, steps: number): number {
  let s = 0;
  let n = 0;
  for (let a = t - steps; a >= 0 && n < LONG_RUN_POINTS; a--, n++) s += Math.log(closes[a + steps]! / closes[a]!) ** 2;
  return n ? Math.sqrt(s / n) : Number.NaN;
}

/** The combined volatility of each row. */
export function mixSigma(network: readonly number[], longRun: readonly number[], mix: number): number[] {
  return network.map((s, i) => (mix >= 1 ? s : Math.exp(mix * Math.log(s) + (1 - mix) * Math.log(longRun[i]!))));
}

/** Mean pinball loss at LEVELS of quantiles z * sigma for the returns y. */
export function meanPinball(y: readonly number[], sigma: readonly number[], z: Quantiles): number {
  let s = 0;
  y.forEach((v, i) => {
    for (let k = 0; k < LEVELS.length; k++) s += pinballLoss(z[k]! * sigma[i]!, v, LEVELS[k]!);
  });
  return s / Math.max(1, y.length * LEVELS.length);
}

/** Rows of one part of the training rows: returns, the network's and the long-run volatility. */
export interface MixRows {
  y: readonly number[];
  network: readonly number[];
  longRun: readonly number[];
}

/**
 * The weight of the network (from MIX_GRID) whose combined quantiles have the lowest pinball loss on the held-back
 * rows of every split together (each split's z fitted on its own fit rows; the loss pooled over all held rows);
 * ties go to the larger weight (the network).
 */
export function chooseMix(splits: readonly { fit: MixRows; held: MixRows }[]): number {
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const mix of [...MIX_GRID].reverse()) {
    let loss = 0;
    for (const { fit, held } of splits) {
      const z = standardisedQuantiles(fit.y, mixSigma(fit.network, fit.longRun, mix));
      loss += meanPinball(held.y, mixSigma(held.network, held.longRun, mix), z) * held.y.length;
    }
    if (loss < bestLoss - 1e-12) {
      best = mix;
      bestLoss = loss;
    }
  }
  return best;
}
