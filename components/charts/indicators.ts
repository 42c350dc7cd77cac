// Moving averages over candle closes, aligned by index: value i belongs to candle i (null until enough
// candles exist), so an overlay point is drawn at the time of the candle whose close completes it.

/** Simple moving average of `period` closes ending at each candle. */
export function sma(closes: number[], period: number): (number | null)[] {
  const out: (number | null)[] = [];
  let sum = 0;
  for (let i = 0; i < closes.length; i++) {
    sum += closes[i] ?? 0;
    if (i >= period) sum -= closes[i - period] ?? 0;
    out.push(i >= period - 1 ? sum / period : null);
  }
  return out;
}

/** Exponential moving average, seeded with the SMA of the first `period` closes (k = 2 / (period + 1)). */
export function ema(closes: number[], period: number): (number | null)[] {
  const out: (number | null)[] = [];
  const k = 2 / (period + 1);
  let prev: number | null = null;
  let seed = 0;
  for (let i = 0; i < closes.length; i++) {
    const c = closes[i] ?? 0;
    if (i < period - 1) {
      seed += c;
      out.push(null);
    } else if (i === period - 1) {
      prev = (seed + c) / period;
      out.push(prev);
    } else {
      prev = (prev ?? c) + k * (c - (prev ?? c));
      out.push(prev);
    }
  }
  return out;
}

/** The next EMA value from the previous one (live updates of the last candle). */
export function nextEma(prev: number, close: number, period: number): number {
  return prev + (2 / (period + 1)) * (close - prev);
}
