// The model's track record in plain words, against the "no change" forecast (tomorrow = today's close).

export interface AccuracyFacts {
  n: number;
  mae: number;
  naive_mae: number;
  ratio: number;
  directional_accuracy: number;
  beats_naive: boolean;
}

const money = (v: number) =>
  v >= 100 ? v.toLocaleString("en-US", { maximumFractionDigits: 0 }) : v.toLocaleString("en-US", { maximumSignificantDigits: 3 });

/** Two short sentences: how far off the model typically was, and whether that beats "no change". */
export function describeAccuracy(m: AccuracyFacts, horizonWords: string): { summary: string; verdict: string } {
  const pct = Math.abs(1 - m.ratio) * 100;
  const summary =
    `Tested on the last ${m.n} days it never trained on, its forecast of the close ${horizonWords} ahead was off by ` +
    `${money(m.mae)} USDT on average; assuming "no change" was off by ${money(m.naive_mae)} USDT. ` +
    `It guessed the direction right ${Math.round(m.directional_accuracy * 100)}% of the time.`;
  const verdict = m.beats_naive
    ? `That is ${pct < 0.5 ? "only marginally" : `${pct.toFixed(1)}%`} better than "no change".`
    : `It does not beat "no change" (its errors were ${pct.toFixed(1)}% larger): treat this forecast as no better than today's price.`;
  return { summary, verdict };
}
