// Synthetic daily candles for the prediction tests: a seeded random walk, optionally with AR(1) returns
// (a known, learnable signal: r[t] = phi * r[t-1] + noise).
import type { Candle } from "@/lib/predict/candle";

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCandles(n: number, options: { phi?: number; sigma?: number; seed?: number; start?: number } = {}): Candle[] {
  const rand = rng(options.seed ?? 1);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const sigma = options.sigma ?? 0.02;
  const out: Candle[] = [];
  let close = 100;
  let r = 0;
  for (let i = 0; i < n; i++) {
    r = (options.phi ?? 0) * r + sigma * gauss();
    const open = close;
    close = open * Math.exp(r);
    out.push({
      openTime: (options.start ?? Date.UTC(2018, 0, 1)) + i * 86_400_000,
      open,
      high: Math.max(open, close) * Math.exp(Math.abs(gauss()) * sigma * 0.3),
      low: Math.min(open, close) * Math.exp(-Math.abs(gauss()) * sigma * 0.3),
      close,
      volume: 1000 * Math.exp(0.3 * gauss()),
    });
  }
  return out;
}

export function toCsv(candles: readonly Candle[]): string {
  return ["open_time_ms,open,high,low,close,volume", ...candles.map((c) => [c.openTime, c.open, c.high, c.low, c.close, c.volume].join(","))].join("\n") + "\n";
}
