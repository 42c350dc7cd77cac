import { describe, expect, it } from "vitest";
import { buildNetwork } from "@/lib/predict/network";
import { serializeModel, deserializeModel } from "@/lib/predict/model-artifacts";
import { ensureBackend, tf } from "@/lib/predict/tf-backend";
import { trainAndEvaluate } from "@/lib/predict/train-and-evaluate";
import { walkForward } from "@/lib/predict/walk-forward";
import { fitLinear, predictLinear } from "@/lib/predict/linear-baseline";
import { DEFAULT_CONFIG } from "@/lib/predict/model-config";
import type { ModelMeta } from "@/lib/predict/trained-model";
import { syntheticCandles } from "./predict-fixtures";

const meta: ModelMeta = {
  horizon: "1d",
  steps: 1,
  config: DEFAULT_CONFIG,
  scaler: { mean: [0.5], std: [2] },
  yScale: 0.02,
};

describe("TensorFlow.js backend", () => {
  it("runs on wasm (the check setBackend's false answer needs)", async () => {
    expect(await ensureBackend()).toBe("wasm");
  });
});

describe("model artifacts", () => {
  for (const network of [DEFAULT_CONFIG.network, { kind: "gru" as const, units: 4, dropout: 0 }]) {
    it(`a ${network.kind} survives the save/load round trip with the same predictions and metadata`, async () => {
      await ensureBackend();
      const model = buildNetwork(network, 6, 5, 42);
      const input = tf.randomNormal([8, 30], 0, 1, "float32", 3);
      const before = Array.from((model.predict(input) as tf.Tensor).dataSync());
      const saved = await serializeModel(model, meta);
      expect(typeof saved.topology).toBe("string");
      expect(saved.weights.byteLength).toBeGreaterThan(0);
      // through a copy with an offset, as a database driver may hand back a view into a larger buffer
      const pooled = new Uint8Array(saved.weights.byteLength + 16);
      pooled.set(saved.weights, 16);
      const loaded = await deserializeModel({ topology: saved.topology, weights: pooled.subarray(16) });
      const after = Array.from((loaded.model.predict(input) as tf.Tensor).dataSync());
      after.forEach((v, i) => expect(v).toBeCloseTo(before[i]!, 6));
      expect(loaded.meta).toEqual(meta);
    });
  }

  it("refuses a topology without our metadata", async () => {
    await expect(deserializeModel({ topology: JSON.stringify({ modelTopology: {}, weightSpecs: [] }), weights: new Uint8Array(0) })).rejects.toThrow(/metadata/);
  });
});

describe("linear baseline", () => {
  it("recovers an exact linear relation", () => {
    const x = Array.from({ length: 50 }, (_, i) => [i / 10, Math.sin(i)]);
    const y = x.map(([a, b]) => 3 * a! - 2 * b! + 1);
    const m = fitLinear(x, y, 0);
    predictLinear(m, x).forEach((p, i) => expect(p).toBeCloseTo(y[i]!, 6));
  });
});

describe("pipeline on data with a known signal", () => {
  // AR(1) returns with phi = 0.4: tomorrow's return is partly predictable, so both the network and the linear
  // baseline must clearly beat "no change"; on a plain random walk they must not look much better than it.
  it("beats no change on AR(1) returns, and the stored metrics describe the evaluation", async () => {
    const candles = syntheticCandles(1200, { phi: 0.4, seed: 11 });
    const t = await trainAndEvaluate(candles, "1d", DEFAULT_CONFIG, { folds: 2, seed: 1 });
    expect(t.metrics.ratio).toBeLessThan(0.97);
    expect(t.metrics.linear_ratio).toBeLessThan(0.97);
    expect(t.metrics.beats_naive).toBe(true);
    expect(t.metrics.directional_accuracy).toBeGreaterThan(0.55);
    expect(t.metrics.residual_q10).toBeLessThan(0);
    expect(t.metrics.residual_q90).toBeGreaterThan(0);
    expect(t.dataFrom).toBe(candles[0]!.openTime);
    expect(t.dataTo).toBe(candles.at(-1)!.openTime);
    expect(t.meta.scaler.mean).toHaveLength(DEFAULT_CONFIG.window * DEFAULT_CONFIG.features.length);
    t.model.dispose();
  }, 120_000);

  it("does not find a signal in a random walk", async () => {
    const candles = syntheticCandles(900, { phi: 0, seed: 5 });
    const e = await walkForward(candles, 1, DEFAULT_CONFIG, { folds: 1, seed: 1 });
    expect(e.ratio).toBeGreaterThan(0.97);
    expect(e.n).toBe(Math.round((900 - 30 - DEFAULT_CONFIG.window + 1 - 1) * 0.2));
  }, 120_000);
});
