// The TF.js distribution network on data whose true quantiles are known: returns with a volatility that is a
// known function of the inputs.
import { describe, expect, it } from "vitest";
import { fitQuantileNetwork, quantileNetworkOutput } from "@/lib/predict/quantile-network";
import { coverage } from "@/lib/predict/interval-metrics";
import { rng } from "./predict-fixtures";

/** Rows [a, b] with log sigma = -4 + 0.8 a - 0.3 b; y ~ N(0, sigma); logVar a noisy measure of log sigma^2. */
function heteroscedastic(n: number, seed: number) {
  const rand = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const x: number[][] = [];
  const y: number[] = [];
  const logVar: number[] = [];
  const sigma: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = gauss();
    const b = gauss();
    const s = Math.exp(-4 + 0.8 * a - 0.3 * b);
    x.push([a, b]);
    sigma.push(s);
    y.push(s * gauss());
    logVar.push(2 * Math.log(s) + 0.3 * gauss());
  }
  return { x, y, logVar, sigma };
}

describe("distribution network", () => {
  it("learns quantiles that widen with the volatility and hold about 80% of new points", async () => {
    const train = heteroscedastic(1500, 1);
    const { net, steps } = await fitQuantileNetwork(train.x, train.y, train.logVar, { seed: 3 });
    expect(steps).toBeGreaterThanOrEqual(0);
    const test = heteroscedastic(1000, 2);
    const q = quantileNetworkOutput(net, test.x);
    for (const row of q) for (let k = 1; k < row.length; k++) expect(row[k]!).toBeGreaterThanOrEqual(row[k - 1]!);
    const cover = coverage(
      q.map((r) => ({ low: r[1], high: r[3] })),
      test.y,
    );
    expect(cover).toBeGreaterThan(0.76);
    expect(cover).toBeLessThan(0.84);
    // the 90% quantile follows the true one (1.2816 sigma) across a 10x range of volatility
    const ratios = q.map((r, i) => r[3] / (1.2816 * test.sigma[i]!));
    const mean = ratios.reduce((s, v) => s + v, 0) / ratios.length;
    expect(mean).toBeGreaterThan(0.85);
    expect(mean).toBeLessThan(1.15);
    expect(Math.max(...ratios) / Math.min(...ratios)).toBeLessThan(2);
  }, 30_000);

  it("with a fixed step count trains on every row, and 0 steps is the least-squares start", async () => {
    const d = heteroscedastic(600, 4);
    const start = await fitQuantileNetwork(d.x, d.y, d.logVar, { fixedSteps: 0 });
    expect(start.steps).toBe(0);
    expect(start.net.w2.every((v) => v === 0)).toBe(true);
    // the least-squares slopes of log sigma^2 on the standardised inputs: 2 * (0.8, -0.3) times the inputs' spread
    expect(start.net.w[0]! / start.net.w[1]!).toBeCloseTo(0.8 / -0.3, 0);
    const trained = await fitQuantileNetwork(d.x, d.y, d.logVar, { fixedSteps: 50 });
    expect(trained.steps).toBe(50);
    expect(trained.net.w2.some((v) => v !== 0)).toBe(true);
  }, 30_000);

  it("refuses too few rows with a clear message", async () => {
    const d = heteroscedastic(40, 5);
    await expect(fitQuantileNetwork(d.x, d.y, d.logVar)).rejects.toThrow(/too few samples/);
  });
});
