// Scores of a prediction range on held-out points: coverage (share of actual values inside [low, high]) and the
// interval (Winkler) score: width plus 2/alpha times the miss for every value outside; lower is better. For an
// 80% range alpha = 0.2. Both are in the units of the values given (prices in USDT for predict:eval).

export interface Range {
  low: number;
  high: number;
}

/** Share of `actual[i]` inside `ranges[i]` (bounds included). */
export function coverage(ranges: readonly Range[], actual: readonly number[]): number {
  if (ranges.length === 0) return Number.NaN;
  let inside = 0;
  ranges.forEach((r, i) => {
    const y = actual[i]!;
    if (y >= r.low && y <= r.high) inside++;
  });
  return inside / ranges.length;
}

/** Winkler score of one central (1 - alpha) range for the actual value y. */
export function winklerScore(r: Range, y: number, alpha: number): number {
  const width = r.high - r.low;
  if (y < r.low) return width + (2 / alpha) * (r.low - y);
  if (y > r.high) return width + (2 / alpha) * (y - r.high);
  return width;
}

/** Mean Winkler score of the ranges (alpha = 0.2 for 80% ranges). */
export function meanIntervalScore(ranges: readonly Range[], actual: readonly number[], alpha: number): number {
  if (ranges.length === 0) return Number.NaN;
  let s = 0;
  ranges.forEach((r, i) => (s += winklerScore(r, actual[i]!, alpha)));
  return s / ranges.length;
}

/** Pinball (quantile) loss of predicting q for y at level tau. */
export function pinballLoss(q: number, y: number, tau: number): number {
  return y >= q ? tau * (y - q) : (1 - tau) * (q - y);
}
