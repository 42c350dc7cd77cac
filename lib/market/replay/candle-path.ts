// The trades a replayed candle becomes: open -> the extreme nearer the open -> the other extreme -> close,
// spread over the candle (at 0, 1/3, 2/3 of it and its last millisecond). Equal consecutive prices are one
// trade. A tie between the extremes goes to the low first when the candle closes up (a dip, then the
// rally), to the high first when it closes down: the path a chart reader would draw.
import type { ReplayCandle } from "./kline-csv";

export interface PathStep {
  price: bigint;
  /** milliseconds after the candle's open */
  offset: number;
}

export function candlePath(c: ReplayCandle, intervalMs: number): PathStep[] {
  const upFirst = c.high - c.open < c.open - c.low || (c.high - c.open === c.open - c.low && c.close < c.open);
  const [first, second] = upFirst ? [c.high, c.low] : [c.low, c.high];
  const offsets = [0, Math.floor(intervalMs / 3), Math.floor((2 * intervalMs) / 3), intervalMs - 1];
  const prices = [c.open, first, second, c.close];
  const steps: PathStep[] = [];
  for (let i = 0; i < 4; i++) {
    const price = prices[i] as bigint;
    if (steps.length && steps[steps.length - 1]?.price === price) continue;
    steps.push({ price, offset: offsets[i] as number });
  }
  return steps;
}
