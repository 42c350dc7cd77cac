// The standings' maths, pure: a participant's value series (the start value, then every value recorded
// while the competition runs) folded one point at a time into a small accumulator, so the leaderboard of
// 1,000 participants with a week of 5-minute values never re-reads their history.
//   return_pct        = (value - start) / start × 100, value = the last point
//   max_drawdown_pct  = the largest fall from a running peak, (peak - v) / peak × 100, over the series
//                       (the start value included); 0 when the value never fell below a peak
//   sharpe            = mean / sample standard deviation of the per-point simple returns
//                       r_i = v_i / v_(i-1) - 1 (not annualised, no risk-free rate); null when there are
//                       fewer than 2 returns or their deviation is 0
// Returns are accumulated with Welford's method (numerically stable, one pass).

export interface Accumulator {
  /** USDT units (1e-8) */
  start: bigint;
  last: bigint;
  peak: bigint;
  /** fraction, 0..1 */
  maxDrawdown: number;
  /** how many returns were folded */
  n: number;
  mean: number;
  /** sum of squared deviations from the mean (Welford) */
  m2: number;
}

export interface Metrics {
  value: bigint;
  returnPct: number;
  maxDrawdownPct: number;
  sharpe: number | null;
}

export function startAccumulator(start: bigint): Accumulator {
  return { start, last: start, peak: start, maxDrawdown: 0, n: 0, mean: 0, m2: 0 };
}

/** The accumulator after one more point (a new object: the input is left as it was). */
export function addValue(acc: Accumulator, value: bigint): Accumulator {
  const next = { ...acc, last: value };
  if (acc.last > 0n) {
    const r = Number(value) / Number(acc.last) - 1;
    next.n = acc.n + 1;
    const d = r - acc.mean;
    next.mean = acc.mean + d / next.n;
    next.m2 = acc.m2 + d * (r - next.mean);
  }
  if (value > acc.peak) next.peak = value;
  if (next.peak > 0n) next.maxDrawdown = Math.max(acc.maxDrawdown, Number(next.peak - value) / Number(next.peak));
  return next;
}

export function metricsOf(acc: Accumulator): Metrics {
  const stdev = acc.n >= 2 ? Math.sqrt(acc.m2 / (acc.n - 1)) : 0;
  return {
    value: acc.last,
    returnPct: acc.start > 0n ? (Number(acc.last - acc.start) / Number(acc.start)) * 100 : 0,
    maxDrawdownPct: acc.maxDrawdown * 100,
    sharpe: stdev > 0 ? acc.mean / stdev : null,
  };
}

/** The metrics of a whole series: `start`, then `values` in time order. */
export function seriesMetrics(start: bigint, values: readonly bigint[]): Metrics {
  return metricsOf(values.reduce(addValue, startAccumulator(start)));
}

export interface Rankable {
  name: string;
  /** a stable last tie-break (the portfolio id) */
  key: string;
  returnPct: number;
  value: bigint;
}

/** Best return first; equal returns by name, then key. Every participant starts from the same balance,
 * so the value decides exactly where the float return might not. */
export function rankOrder(a: Rankable, b: Rankable): number {
  if (a.value !== b.value) return a.value > b.value ? -1 : 1;
  if (a.returnPct !== b.returnPct) return b.returnPct - a.returnPct;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export interface StoredAccumulator {
  start: string;
  last: string;
  peak: string;
  dd: number;
  n: number;
  mean: number;
  m2: number;
}

export function storeAccumulator(a: Accumulator): StoredAccumulator {
  return { start: String(a.start), last: String(a.last), peak: String(a.peak), dd: a.maxDrawdown, n: a.n, mean: a.mean, m2: a.m2 };
}

export function loadAccumulator(s: StoredAccumulator): Accumulator {
  return { start: BigInt(s.start), last: BigInt(s.last), peak: BigInt(s.peak), maxDrawdown: s.dd, n: s.n, mean: s.mean, m2: s.m2 };
}
