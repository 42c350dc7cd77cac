// Recency weights for the range model's least-squares fits: the newest row counts 1 and each row HALF_LIFE_DAYS
// older half as much (rows are one anchor day each, in time order). Volatility's dynamics drift as the market
// matures (how fast a shock fades in 2018 is not how fast it fades now), so the fit leans on the recent years
// without dropping the old ones; one year is the static range's own window.
export const HALF_LIFE_DAYS = 365;

/** Weight of each of `n` rows in time order, the newest last. */
export function recencyWeights(n: number, halfLife = HALF_LIFE_DAYS): number[] {
  return Array.from({ length: n }, (_, i) => 0.5 ** ((n - 1 - i) / halfLife));
}
