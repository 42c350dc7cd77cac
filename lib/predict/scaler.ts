// Standardisation of input columns with statistics from the training rows only: fitting them on the
// evaluation rows as well would leak the future's level and spread into the past.

export interface Scaler {
  mean: number[];
  std: number[];
}

/** Column means and standard deviations of `rows` (a constant column gets std 1, so it maps to 0). */
export function fitScaler(rows: readonly number[][]): Scaler {
  const width = rows[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const sq = new Array<number>(width).fill(0);
  for (const r of rows) for (let j = 0; j < width; j++) mean[j]! += r[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < width; j++) sq[j]! += (r[j]! - mean[j]!) ** 2 / rows.length;
  return { mean, std: sq.map((v) => (v > 1e-18 ? Math.sqrt(v) : 1)) };
}

/** Applies a fitted scaler to one row. */
export function scaleRow(row: readonly number[], s: Scaler): number[] {
  return row.map((v, j) => (v - (s.mean[j] ?? 0)) / (s.std[j] ?? 1));
}

/** Applies a fitted scaler to rows. */
export function scaleRows(rows: readonly number[][], s: Scaler): number[][] {
  return rows.map((r) => scaleRow(r, s));
}
