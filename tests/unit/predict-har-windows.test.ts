// The HAR regression's whole-week windows and recency weights (har-volatility.ts, recency-weights.ts), and that a
// range network stored before them is still fed the 5- and 22-day windows it was trained on.
import { describe, expect, it } from "vitest";
import { fitLinear } from "@/lib/predict/linear-baseline";
import { recencyWeights, HALF_LIFE_DAYS } from "@/lib/predict/recency-weights";
import { harRow, HAR_DAYS, LEGACY_HAR_DAYS } from "@/lib/predict/har-volatility";
import { fitQuantileNetwork, quantileNetworkOutput } from "@/lib/predict/quantile-network";
import { forecastRange, RANGE_HISTORY } from "@/lib/predict/range-model";
import { longRunSigma } from "@/lib/predict/long-run-volatility";
import { volatilitySeries, volatilityRow, volatilityTarget, VOLATILITY_WARMUP } from "@/lib/predict/volatility-features";
import { syntheticCandles } from "./predict-fixtures";

describe("recency weights", () => {
  it("count the newest row 1 and a row one half-life older 0.5", () => {
    const w = recencyWeights(HALF_LIFE_DAYS * 2 + 1);
    expect(w.at(-1)).toBe(1);
    expect(w[HALF_LIFE_DAYS]).toBeCloseTo(0.5, 12);
    expect(w[0]).toBeCloseTo(0.25, 12);
    expect(recencyWeights(3, 1)).toEqual([0.25, 0.5, 1]);
  });

  it("weigh least squares as repeated rows would", () => {
    const x = [[0], [1], [2], [3], [4]];
    const y = [1, 0, 5, 2, 9];
    const weighted = fitLinear(x, y, 0, [1, 2, 1, 3, 1]);
    const repeated = fitLinear([[0], [1], [1], [2], [3], [3], [3], [4]], [1, 0, 0, 5, 2, 2, 2, 9], 0);
    expect(weighted.weights[0]).toBeCloseTo(repeated.weights[0]!, 10);
    expect(weighted.bias).toBeCloseTo(repeated.bias, 10);
    // a zero weight drops the row; no weights is every weight 1
    const dropped = fitLinear(x, y.map((v, i) => (i === 2 ? 1000 : v)), 0, [1, 1, 0, 1, 1]);
    const without = fitLinear([[0], [1], [3], [4]], [1, 0, 2, 9], 0);
    expect(dropped.weights[0]).toBeCloseTo(without.weights[0]!, 10);
    expect(fitLinear(x, y, 0, [1, 1, 1, 1, 1])).toEqual(fitLinear(x, y, 0));
  });
});

describe("the HAR windows", () => {
  const variance = Array.from({ length: 60 }, (_, i) => (i + 1) * 1e-4);
  const series = { variance, ret: variance.map(() => 0), openTime: variance.map((_, i) => Date.UTC(2024, 0, 1) + i * 86_400_000) };
  const mean = (from: number, to: number) => variance.slice(from, to + 1).reduce((s, v) => s + v, 0) / (to - from + 1);

  it("average the variance over the last week and four weeks, or over 5 and 22 days for a stored network", () => {
    expect(HAR_DAYS).toEqual([7, 28]);
    const t = 40;
    const row = harRow(series, t, 1);
    expect(row[0]).toBeCloseTo(Math.log(variance[t]!), 12);
    expect(row[1]).toBeCloseTo(Math.log(mean(t - 6, t)), 12);
    expect(row[2]).toBeCloseTo(Math.log(mean(t - 27, t)), 12);
    const old = harRow({ ...series, harDays: LEGACY_HAR_DAYS }, t, 1);
    expect(old[1]).toBeCloseTo(Math.log(mean(t - 4, t)), 12);
    expect(old[2]).toBeCloseTo(Math.log(mean(t - 21, t)), 12);
  });

  it("are the ones a stored range network was trained with when it forecasts", async () => {
    const daily = syntheticCandles(700, { seed: 8, sigma: 0.03 });
    const closes = daily.map((c) => c.close);
    const recent = daily.slice(-RANGE_HISTORY);
    const last = recent.length - 1;
    const longRun = [longRunSigma(recent.map((c) => c.close), last, 1)];
    for (const harDays of [HAR_DAYS, LEGACY_HAR_DAYS]) {
      const s = volatilitySeries(daily, [], { harDays });
      const anchors = Array.from({ length: daily.length - VOLATILITY_WARMUP }, (_, i) => i + VOLATILITY_WARMUP - 1);
      const { net } = await fitQuantileNetwork(
        anchors.map((t) => volatilityRow(s, t, 1)),
        anchors.map((t) => Math.log(closes[t + 1]! / closes[t]!)),
        anchors.map((t) => volatilityTarget(s, t, 1)),
        { fixedSteps: 20, longRun: anchors.map((t) => longRunSigma(closes, t, 1)) },
      );
      const stored = harDays === HAR_DAYS ? { har_days: HAR_DAYS } : {};
      const served = forecastRange({ network: net, parkinson_scale: s.scale, ...stored }, recent, [], 1)!;
      const own = volatilitySeries(recent, [], { scale: s.scale, harDays });
      const expected = quantileNetworkOutput(net, [volatilityRow(own, last, 1)], longRun)[0]!;
      served.forEach((p, k) => expect(p).toBeCloseTo(recent[last]!.close * Math.exp(expected[k]!), 8));
    }
  }, 30_000);
});
