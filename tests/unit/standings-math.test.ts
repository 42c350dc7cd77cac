// The competition standings' maths on scripted value series with known answers.
import { describe, expect, it } from "vitest";
import { addValue, loadAccumulator, metricsOf, rankOrder, seriesMetrics, startAccumulator, storeAccumulator, type StoredAccumulator } from "@/lib/competitions/standings-math";

const usdt = (n: number) => BigInt(Math.round(n * 1e8));

describe("standings maths", () => {
  it("return, drawdown from the running peak and Sharpe of +10 %, -10 %, +10 %, +20 %", () => {
    // 100 -> 110 -> 99 -> 108.9 -> 130.68: returns 0.1, -0.1, 0.1, 0.2 (mean 0.075, sample variance 0.0475 / 3)
    const m = seriesMetrics(usdt(100), [usdt(110), usdt(99), usdt(108.9), usdt(130.68)]);
    expect(m.value).toBe(usdt(130.68));
    expect(m.returnPct).toBeCloseTo(30.68, 12);
    expect(m.maxDrawdownPct).toBeCloseTo(10, 12); // 110 -> 99
    expect(m.sharpe).toBeCloseTo(0.075 / Math.sqrt(0.0475 / 3), 12);
    expect(m.sharpe).toBeCloseTo(0.59604, 5);
  });

  it("counts the start value in the drawdown: 100 -> 80 -> 90 fell 20 % from the start", () => {
    // returns -0.2, 0.125: mean -0.0375, deviations ±0.1625, sample variance 0.0528125
    const m = seriesMetrics(usdt(100), [usdt(80), usdt(90)]);
    expect(m.returnPct).toBeCloseTo(-10, 12);
    expect(m.maxDrawdownPct).toBeCloseTo(20, 12);
    expect(m.sharpe).toBeCloseTo(-0.0375 / Math.sqrt(0.0528125), 12);
    expect(m.sharpe).toBeCloseTo(-0.16318, 5);
  });

  it("has no Sharpe with fewer than 2 returns or returns that never vary", () => {
    expect(seriesMetrics(usdt(100), []).sharpe).toBeNull();
    expect(seriesMetrics(usdt(100), [usdt(120)]).sharpe).toBeNull();
    const flat = seriesMetrics(usdt(100), [usdt(100), usdt(100), usdt(100)]);
    expect(flat).toEqual({ value: usdt(100), returnPct: 0, maxDrawdownPct: 0, sharpe: null });
    // the same return twice (+10 %, +10 %): deviation 0
    expect(seriesMetrics(usdt(100), [usdt(110), usdt(121)]).sharpe).toBeNull();
  });

  it("folds one point at a time to the same answer as the whole series, through its stored form", () => {
    const values = [97.5, 101.25, 88, 120, 119.99, 64.5, 150].map(usdt);
    let acc = startAccumulator(usdt(100));
    for (const v of values) acc = loadAccumulator(JSON.parse(JSON.stringify(storeAccumulator(addValue(acc, v)))) as StoredAccumulator);
    const batch = seriesMetrics(usdt(100), values);
    const folded = metricsOf(acc);
    expect(folded.value).toBe(batch.value);
    expect(folded.returnPct).toBeCloseTo(50, 12);
    expect(folded.maxDrawdownPct).toBeCloseTo((1 - 64.5 / 120) * 100, 12);
    expect(folded.sharpe).toBeCloseTo(batch.sharpe!, 12);
    // the two-pass sample deviation, computed plainly
    const series = [100, 97.5, 101.25, 88, 120, 119.99, 64.5, 150];
    const r = series.slice(1).map((v, i) => v / series[i]! - 1);
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
    expect(folded.sharpe).toBeCloseTo(mean / sd, 12);
  });

  it("ranks by return, best first, and equal returns by name", () => {
    const row = (name: string, value: number) => ({ name, key: name, value: usdt(value), returnPct: seriesMetrics(usdt(100), [usdt(value)]).returnPct });
    const ranked = [row("carol", 90), row("bob", 120), row("alice", 120), row("dave", 100)].sort(rankOrder);
    expect(ranked.map((r) => r.name)).toEqual(["alice", "bob", "dave", "carol"]);
  });
});
