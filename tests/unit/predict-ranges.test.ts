import { describe, expect, it } from "vitest";
import { coverage, meanIntervalScore, pinballLoss, winklerScore } from "@/lib/predict/interval-metrics";
import { ewmaVariance, standardisedQuantiles } from "@/lib/predict/range-quantiles";
import { dailyVariance, parkinsonScale } from "@/lib/predict/daily-variance";
import { evaluateRanges } from "@/lib/predict/evaluate-ranges";
import { buildDataset } from "@/lib/predict/dataset";
import type { Candle } from "@/lib/predict/candle";
import { rng } from "./predict-fixtures";

const HOUR = 3_600_000;

/** Hourly candles whose volatility follows a persistent random regime (log-AR(1) per day), and their days. */
function clusteredMarket(days: number, seed: number, persistence: number): { daily: Candle[]; hourly: Candle[] } {
  const rand = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const daily: Candle[] = [];
  const hourly: Candle[] = [];
  let close = 100;
  let logVol = 0;
  const start = Date.UTC(2019, 0, 1);
  for (let d = 0; d < days; d++) {
    logVol = persistence * logVol + Math.sqrt(1 - persistence ** 2) * 0.7 * gauss();
    const sigmaH = (0.03 * Math.exp(logVol)) / Math.sqrt(24);
    const open = close;
    let hi = open;
    let lo = open;
    for (let h = 0; h < 24; h++) {
      const o = close;
      close = o * Math.exp(sigmaH * gauss());
      const high = Math.max(o, close) * Math.exp(Math.abs(gauss()) * sigmaH * 0.2);
      const low = Math.min(o, close) * Math.exp(-Math.abs(gauss()) * sigmaH * 0.2);
      hourly.push({ openTime: start + d * 86_400_000 + h * HOUR, open: o, high, low, close, volume: 1 });
      hi = Math.max(hi, high);
      lo = Math.min(lo, low);
    }
    daily.push({ openTime: start + d * 86_400_000, open, high: hi, low: lo, close, volume: 24 });
  }
  return { daily, hourly };
}

describe("range scores on known values", () => {
  const ranges = [
    { low: 90, high: 110 },
    { low: 90, high: 110 },
    { low: 95, high: 105 },
    { low: 100, high: 120 },
  ];
  const actual = [100, 85, 107, 100];

  it("coverage counts the values inside, bounds included", () => {
    expect(coverage(ranges, actual)).toBe(0.5);
    expect(coverage([], [])).toBeNaN();
  });

  it("the Winkler score is the width plus 2/alpha times the miss", () => {
    expect(winklerScore(ranges[0]!, 100, 0.2)).toBe(20);
    expect(winklerScore(ranges[1]!, 85, 0.2)).toBe(20 + 10 * 5);
    expect(winklerScore(ranges[2]!, 107, 0.2)).toBeCloseTo(10 + 10 * 2, 12);
    expect(winklerScore(ranges[3]!, 100, 0.2)).toBe(20);
    expect(meanIntervalScore(ranges, actual, 0.2)).toBeCloseTo((20 + 70 + 30 + 20) / 4, 12);
  });

  it("the interval score is 2/alpha times the pinball losses of its two quantiles", () => {
    for (const y of [80, 95, 100, 117, 140]) {
      const r = { low: 90, high: 110 };
      const viaPinball = (2 / 0.2) * (pinballLoss(r.low, y, 0.1) + pinballLoss(r.high, y, 0.9));
      expect(winklerScore(r, y, 0.2)).toBeCloseTo(viaPinball, 9);
    }
  });

  it("EWMA variance follows a jump in volatility with lambda 0.94", () => {
    const ret = [0, ...Array.from({ length: 60 }, (_, i) => (i % 2 ? 0.01 : -0.01)), ...Array.from({ length: 60 }, (_, i) => (i % 2 ? 0.05 : -0.05))];
    const v = ewmaVariance(ret);
    expect(v[60]).toBeCloseTo(1e-4, 8);
    // after k days at 0.05: 0.94^k of the old level + (1 - 0.94^k) of the new
    expect(v[70]).toBeCloseTo(0.94 ** 10 * 1e-4 + (1 - 0.94 ** 10) * 25e-4, 8);
  });

  it("standardised quantiles of returns scaled by their own sigma are the quantiles of the shocks", () => {
    const z = Array.from({ length: 101 }, (_, i) => (i - 50) / 50);
    const sigma = z.map((_, i) => 0.01 * (1 + (i % 7)));
    const q = standardisedQuantiles(z.map((v, i) => v * sigma[i]!), sigma);
    expect(q[1]).toBeCloseTo(-0.8, 9);
    expect(q[2]).toBeCloseTo(0, 9);
    expect(q[3]).toBeCloseTo(0.8, 9);
  });
});

describe("daily variance", () => {
  it("sums squared hourly returns of the day and falls back to the scaled high/low range without them", () => {
    const { daily, hourly } = clusteredMarket(80, 3, 0.9);
    const missing = hourly.filter((h) => h.openTime < daily[40]!.openTime || h.openTime >= daily[41]!.openTime);
    const v = dailyVariance(daily, missing);
    let s = 0;
    const day5 = hourly.filter((h) => h.openTime >= daily[5]!.openTime && h.openTime < daily[6]!.openTime);
    let prev = hourly[hourly.indexOf(day5[0]!) - 1]!.close;
    for (const h of day5) {
      s += Math.log(h.close / prev) ** 2;
      prev = h.close;
    }
    expect(v.realised[5]).toBeCloseTo(s, 12);
    expect(v.realised[40]).toBeNaN();
    expect(parkinsonScale(v, 80)).toBeGreaterThan(0.3);
  });
});

describe("walk-forward ranges", () => {
  it("with clustered volatility the network's 80% range covers about 80% and scores better than the static and EWMA ranges", async () => {
    const { daily, hourly } = clusteredMarket(1400, 11, 0.97);
    const anchors = buildDataset(daily, { window: 10, features: ["ret"], steps: 1 }).anchors;
    const e = await evaluateRanges(daily, hourly, anchors, 1);
    expect(e.n).toBeGreaterThan(250);
    expect(e.hourly_days).toBe(e.n);
    expect(e.model.coverage_80).toBeGreaterThan(0.74);
    expect(e.model.coverage_80).toBeLessThan(0.86);
    expect(e.model.coverage_95).toBeGreaterThan(0.9);
    expect(e.model.interval_score_80).toBeLessThan(0.9 * e.static.interval_score_80);
    expect(e.model.interval_score_80).toBeLessThan(e.ewma.interval_score_80);
    expect(e.steps).toHaveLength(4);
    for (const m of e.mixes) expect(m).toBeGreaterThan(0);
  }, 60_000);

  it("fits nothing on the test points: changing the last close only changes the last point's score", async () => {
    const { daily, hourly } = clusteredMarket(900, 5, 0.95);
    const anchors = buildDataset(daily, { window: 10, features: ["ret"], steps: 1 }).anchors;
    const a = await evaluateRanges(daily, hourly, anchors, 1, { folds: 2 });
    const moved = daily.map((c, i) => (i === daily.length - 1 ? { ...c, close: c.close * 1.5, high: c.high * 1.5 } : c));
    const b = await evaluateRanges(moved, hourly, anchors, 1, { folds: 2 });
    // only the last actual close moved: the ranges (fitted on earlier days) are the same, so the sum of scores
    // differs by exactly that point's change, which is positive (a 50% jump lies far above any range)
    expect(b.n).toBe(a.n);
    expect(b.model.interval_score_80 * b.n - a.model.interval_score_80 * a.n).toBeGreaterThan(0);
    expect(b.static.interval_score_80).toBeGreaterThan(a.static.interval_score_80);
  }, 60_000);
});
