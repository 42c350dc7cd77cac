// Ranges from a volatility forecast: the log return to the target close divided by its forecast standard
// deviation is (nearly) identically distributed, so its empirical quantiles on the training rows, times the
// forecast deviation, give every quantile of the close. Fat tails and drift are in the empirical quantiles.
import { quantile } from "@/lib/predict/metrics";

/** The quantile levels every forecast carries: 2.5, 10, 50, 90 and 97.5 %. */
export const LEVELS = [0.025, 0.1, 0.5, 0.9, 0.975] as const;
export type Quantiles = [number, number, number, number, number];

/** Empirical quantiles (at LEVELS) of the standardised returns `ret[i] / sigma[i]`. */
export function standardisedQuantiles(ret: readonly number[], sigma: readonly number[]): Quantiles {
  const z = ret.map((r, i) => r / sigma[i]!);
  return LEVELS.map((q) => quantile(z, q)) as Quantiles;
}

/** Exponentially weighted variance of daily log returns (RiskMetrics, lambda 0.94), value after each day. */
export function ewmaVariance(ret: readonly number[], lambda = 0.94, seedDays = 30): number[] {
  const out: number[] = [];
  let v = 0;
  const seed = ret.slice(1, seedDays + 1);
  for (const r of seed) v += (r * r) / Math.max(1, seed.length);
  for (let t = 0; t < ret.length; t++) {
    const r = ret[t] ?? 0;
    if (t > 0) v = lambda * v + (1 - lambda) * r * r;
    out.push(Math.max(v, 1e-10));
  }
  return out;
}
