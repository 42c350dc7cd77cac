// The "simple linear model" baseline: least squares on the same standardised inputs as the network,
// closed form, with a tiny ridge term only so that collinear columns cannot make the system singular.

export interface LinearModel {
  weights: number[];
  bias: number;
}

/** Solves (A + ridge I) w = b by Gaussian elimination with partial pivoting; A is square. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-15) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-15 ? 0 : row[n]! / row[i]!));
}

/** Fits y ~ w.x + bias on rows of (already standardised) inputs; `rowWeights` (one per row, default 1) weigh the squared errors. */
export function fitLinear(x: readonly number[][], y: readonly number[], ridge = 1e-3, rowWeights?: readonly number[]): LinearModel {
  const p = x[0]?.length ?? 0;
  const weight = (i: number) => rowWeights?.[i] ?? 1;
  let total = 0;
  for (let i = 0; i < y.length; i++) total += weight(i);
  total = Math.max(total, 1e-12);
  let meanY = 0;
  const meanX = new Array<number>(p).fill(0);
  x.forEach((r, i) => {
    const wi = weight(i) / total;
    meanY += y[i]! * wi;
    for (let j = 0; j < p; j++) meanX[j]! += r[j]! * wi;
  });
  // Normal equations on centred data, so the bias needs no penalty.
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  x.forEach((r, i) => {
    const wi = weight(i);
    const yc = (y[i]! - meanY) * wi;
    for (let j = 0; j < p; j++) {
      const xj = r[j]! - meanX[j]!;
      xty[j]! += xj * yc;
      const row = xtx[j]!;
      for (let k = j; k < p; k++) row[k]! += xj * (r[k]! - meanX[k]!) * wi;
    }
  });
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < j; k++) xtx[j]![k] = xtx[k]![j]!;
    xtx[j]![j]! += ridge * total;
  }
  const weights = solve(xtx, xty);
  const bias = meanY - weights.reduce((s, w, j) => s + w * meanX[j]!, 0);
  return { weights, bias };
}

/** Predictions of a fitted linear model. */
export function predictLinear(m: LinearModel, x: readonly number[][]): number[] {
  return x.map((r) => r.reduce((s, v, j) => s + v * (m.weights[j] ?? 0), m.bias));
}
