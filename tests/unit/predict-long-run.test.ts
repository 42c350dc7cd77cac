// The long-run half of the range forecast (long-run-volatility.ts) and its combination with the distribution
// network: known values, the choice of the weight on data where the right answer is known (one split and several
// pooled), and serving.
import { describe, expect, it } from "vitest";
import { chooseMix, longRunSigma, mixSigma, LONG_RUN_POINTS, MIX_GRID } from "@/lib/predict/long-run-volatility";
import { fitQuantileNetwork, networkSigma, quantileNetworkOutput } from "@/lib/predict/quantile-network";
import { forecastRange, RANGE_HISTORY } from "@/lib/predict/range-model";
import { volatilitySeries, volatilityRow, volatilityTarget, VOLATILITY_FEATURES, VOLATILITY_WARMUP } from "@/lib/predict/volatility-features";
import { rng, syntheticCandles } from "./predict-fixtures";

describe("long-run volatility", () => {
  it("is the root mean square of the newest known steps-day log returns, and reads no close after the anchor", () => {
    const closes = [100, 110, 99, 99, 108.9];
    // 1-day returns known at t = 3: log(1.1), log(0.9), 0
    expect(longRunSigma(closes, 3, 1)).toBeCloseTo(Math.sqrt((Math.log(1.1) ** 2 + Math.log(0.9) ** 2 + 0) / 3), 12);
    // 2-day returns known at t = 3: log(99/100) and log(99/110)
    expect(longRunSigma(closes, 3, 2)).toBeCloseTo(Math.sqrt((Math.log(0.99) ** 2 + Math.log(99 / 110) ** 2) / 2), 12);
    expect(longRunSigma([...closes.slice(0, 4), 1e6], 3, 1)).toBe(longRunSigma(closes, 3, 1));
    expect(longRunSigma(closes, 0, 1)).toBeNaN();
  });

  it("averages at most a year of returns", () => {
    const calm = Array.from({ length: 1000 }, (_, i) => 100 * Math.exp(0.01 * (i % 2)));
    const wild = calm.map((c, i) => (i < 500 ? 100 * Math.exp(0.1 * (i % 2)) : c));
    const t = 500 + LONG_RUN_POINTS;
    expect(longRunSigma(wild, t, 1)).toBeCloseTo(0.01, 12);
    expect(longRunSigma(wild, t - 1, 1)).toBeGreaterThan(0.01);
  });

  it("combines in logs: mix 1 is the network alone, 0.5 the geometric mean", () => {
    expect(mixSigma([0.02, 0.04], [0.08, 0.01], 1)).toEqual([0.02, 0.04]);
    const m = mixSigma([0.02, 0.04], [0.08, 0.01], 0.5);
    expect(m[0]).toBeCloseTo(0.04, 12);
    expect(m[1]).toBeCloseTo(0.02, 12);
  });

  it("chooses the network when it knows the volatility, and leans on the long run when the network is noise", () => {
    const rand = rng(5);
    const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
    const n = 3000;
    const truth = Array.from({ length: n }, () => 0.02 * Math.exp(0.5 * gauss()));
    const y = truth.map((s) => s * gauss());
    const flat = truth.map(() => 0.02 * Math.exp(0.125));
    const noisy = truth.map(() => 0.02 * Math.exp(0.8 * gauss()));
    const part = (network: number[], longRun: number[], from: number, to: number) => ({ y: y.slice(from, to), network: network.slice(from, to), longRun: longRun.slice(from, to) });
    const splits = (network: number[], longRun: number[]) =>
      [2000, 2500].map((cut, i, cuts) => ({ fit: part(network, longRun, 0, cut), held: part(network, longRun, cut, cuts[i + 1] ?? n) }));
    expect(chooseMix(splits(truth, flat))).toBe(1);
    expect(chooseMix(splits(noisy, truth))).toBe(Math.min(...MIX_GRID));
  });

  it("pools the held-back rows of every split: one misleading block does not decide the weight", () => {
    const rand = rng(9);
    const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
    const n = 3000;
    const truth = Array.from({ length: n }, () => 0.02 * Math.exp(0.5 * gauss()));
    const y = truth.map((s) => s * gauss());
    const flat = truth.map(() => 0.02 * Math.exp(0.125));
    // the network knows the volatility except on rows 2000-2199, where it is noise
    const network = truth.map((s, i) => (i >= 2000 && i < 2200 ? 0.02 * Math.exp(0.8 * gauss()) : s));
    const part = (from: number, to: number) => ({ y: y.slice(from, to), network: network.slice(from, to), longRun: flat.slice(from, to) });
    expect(chooseMix([{ fit: part(0, 2000), held: part(2000, 2200) }])).toBeLessThan(1);
    const pooled = chooseMix([2000, 2200, 2400, 2600, 2800].map((cut, i, cuts) => ({ fit: part(0, cut), held: part(cut, cuts[i + 1] ?? n) })));
    expect(pooled).toBeGreaterThan(chooseMix([{ fit: part(0, 2000), held: part(2000, 2200) }]));
  });
});

describe("the distribution network combined with the long-run volatility", () => {
  const daily = syntheticCandles(900, { seed: 4, sigma: 0.03 });
  const s = volatilitySeries(daily, []);
  const closes = daily.map((c) => c.close);
  const anchors = Array.from({ length: daily.length - 1 - (VOLATILITY_WARMUP - 1) }, (_, i) => i + VOLATILITY_WARMUP - 1);
  const x = anchors.map((t) => volatilityRow(s, t, 1));
  const y = anchors.map((t) => Math.log(closes[t + 1]! / closes[t]!));
  const logVar = anchors.map((t) => volatilityTarget(s, t, 1));
  const longRun = anchors.map((t) => longRunSigma(closes, t, 1));

  it("keeps the weight it chose, serves z times the combined sigma, and refuses rows without the long-run input", async () => {
    const { net } = await fitQuantileNetwork(x, y, logVar, { longRun, seed: 3 });
    expect(MIX_GRID).toContain(net.mix);
    // no drift: the median is "no change" and the range symmetric in log return
    expect(net.z[2]).toBeCloseTo(0, 12);
    expect(net.z[0]).toBeCloseTo(-net.z[4]!, 12);
    expect(net.z[1]).toBeCloseTo(-net.z[3]!, 12);
    const rows = x.slice(-5);
    const lr = longRun.slice(-5);
    const q = quantileNetworkOutput(net, rows, lr);
    const own = networkSigma(net, rows);
    q.forEach((row, i) => {
      const sigma = mixSigma([own[i]!], [lr[i]!], net.mix!)[0]!;
      row.forEach((v, k) => expect(v).toBeCloseTo(net.z[k]! * sigma, 12));
    });
    // a random walk has a constant volatility: the long run is the right answer, so the network may not be used alone
    expect(net.mix).toBeLessThan(1);
    expect(() => quantileNetworkOutput(net, rows)).toThrow(/long-run volatility/);
  }, 30_000);

  it("serves from the newest candles; a network stored before the 22-day move input still forecasts", async () => {
    const trained = await fitQuantileNetwork(x, y, logVar, { longRun, fixedSteps: 0 });
    const recent = daily.slice(-RANGE_HISTORY);
    const q = forecastRange({ network: trained.net, parkinson_scale: s.scale }, recent, [], 1)!;
    for (let k = 1; k < q.length; k++) expect(q[k]!).toBeGreaterThan(q[k - 1]!);
    expect(q[1]).toBeLessThan(recent[recent.length - 1]!.close);
    expect(q[3]).toBeGreaterThan(recent[recent.length - 1]!.close);

    const width = VOLATILITY_FEATURES.length - 1;
    const old = await fitQuantileNetwork(x.map((r) => r.slice(0, width)), y, logVar, { fixedSteps: 0 });
    expect(old.net.w).toHaveLength(width);
    expect(old.net.mix).toBeUndefined();
    const q0 = forecastRange({ network: old.net, parkinson_scale: s.scale }, recent, [], 1)!;
    for (let k = 1; k < q0.length; k++) expect(q0[k]!).toBeGreaterThan(q0[k - 1]!);
  }, 30_000);
});
