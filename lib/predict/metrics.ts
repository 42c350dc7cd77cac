// Error measures of the walk-forward evaluation, in price units (the close the user sees) and as
// directional accuracy; and the residual quantiles behind the prediction interval.

/** Mean absolute difference of two equally long series. */
export function meanAbsoluteError(predicted: readonly number[], actual: readonly number[]): number {
  if (predicted.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < predicted.length; i++) s += Math.abs((predicted[i] ?? 0) - (actual[i] ?? 0));
  return s / predicted.length;
}

/** Share of points where the predicted move and the actual move have the same sign (flat moves skipped). */
export function directionalAccuracy(predictedReturns: readonly number[], actualReturns: readonly number[]): number {
  let hit = 0;
  let total = 0;
  actualReturns.forEach((a, i) => {
    if (a === 0) return;
    total++;
    if ((predictedReturns[i] ?? 0) > 0 === a > 0) hit++;
  });
  return total ? hit / total : Number.NaN;
}

/** The q-quantile (0..1) of values, linearly interpolated. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
