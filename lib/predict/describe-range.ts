// The range forecast in plain words: where the close will most likely be, how often such ranges held on the
// test days, and how they compare with the fixed range and the EWMA volatility range (lower score = better).

export interface RangeFacts {
  n: number;
  coverage_80: number;
  coverage_95: number;
  interval_score_80: number;
  static_interval_score_80: number;
  ewma_interval_score_80: number;
}

const price = (v: number) => v.toLocaleString("en-US", { maximumSignificantDigits: 6 });
const pct = (v: number) => `${Math.round(v * 100)}%`;

function versus(score: number, other: number, name: string): string {
  const diff = (score / other - 1) * 100;
  if (Math.abs(diff) < 1) return `about as good as ${name}`;
  return diff < 0 ? `${Math.abs(diff).toFixed(0)}% better than ${name}` : `${diff.toFixed(0)}% worse than ${name}`;
}

/** Sentences for the page: the range, its measured coverage, and the comparison with the baselines. */
export function describeRange(
  q: { p2_5: number; p10: number; p90: number; p97_5: number },
  r: RangeFacts,
  horizonWords: string,
): { range: string; coverage: string; comparison: string } {
  return {
    range: `Most likely (80%) between ${price(q.p10)} and ${price(q.p90)} ${horizonWords} from now; almost surely (95%) between ${price(q.p2_5)} and ${price(q.p97_5)}.`,
    coverage: `On the last ${r.n} test days such 80% ranges held ${pct(r.coverage_80)} of the time, the 95% ranges ${pct(r.coverage_95)}.`,
    comparison:
      `Scored on width plus misses (lower is better), the range was ${versus(r.interval_score_80, r.static_interval_score_80, "a fixed range from last year's moves")} ` +
      `and ${versus(r.interval_score_80, r.ewma_interval_score_80, "a simple recent-volatility (EWMA) range")}.`,
  };
}
