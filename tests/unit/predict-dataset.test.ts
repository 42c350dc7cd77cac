import { describe, expect, it } from "vitest";
import { buildDataset, minCandles } from "@/lib/predict/dataset";
import { featureRow, WARMUP, FEATURE_NAMES } from "@/lib/predict/features";
import { fitScaler, scaleRows } from "@/lib/predict/scaler";
import { planFolds } from "@/lib/predict/walk-forward";
import { syntheticCandles } from "./predict-fixtures";

const spec = { window: 5, features: [...FEATURE_NAMES], steps: 3 };

describe("buildDataset", () => {
  const candles = syntheticCandles(80, { seed: 7 });
  const d = buildDataset(candles, spec);

  it("makes one sample per anchor that has a target, each input a window of feature rows", () => {
    const first = WARMUP + spec.window - 1;
    expect(d.anchors[0]).toBe(first);
    expect(d.anchors.at(-1)).toBe(candles.length - 1 - spec.steps);
    expect(d.x).toHaveLength(d.y.length);
    expect(d.x[0]).toHaveLength(spec.window * FEATURE_NAMES.length);
    // the last FEATURE_NAMES.length values are the anchor candle's own row
    expect(d.x[0]!.slice(-FEATURE_NAMES.length)).toEqual(featureRow(candles, first, FEATURE_NAMES));
    expect(d.latest?.anchor).toBe(candles.length - 1);
    expect(minCandles(spec.window)).toBe(WARMUP + spec.window);
  });

  it("targets the log return from the anchor's close to the close `steps` candles later", () => {
    d.anchors.forEach((a, i) => expect(d.y[i]).toBeCloseTo(Math.log(candles[a + spec.steps]!.close / candles[a]!.close), 12));
  });

  it("has no look-ahead: changing every candle after an anchor leaves that anchor's input unchanged", () => {
    for (const cut of [WARMUP + 10, 50, 70]) {
      const altered = candles.map((c, i) =>
        i > cut ? { ...c, open: c.open * 3, high: c.high * 5, low: c.low * 0.2, close: c.close * 4, volume: c.volume * 100 } : c,
      );
      const d2 = buildDataset(altered, spec);
      d.anchors.forEach((a, i) => {
        if (a <= cut) expect(d2.x[i]).toEqual(d.x[i]);
      });
      // ...while the targets that reach past the cut do change (the test can see a difference)
      const reaching = d.anchors.findIndex((a) => a <= cut && a + spec.steps > cut);
      if (reaching >= 0) expect(d2.y[reaching]).not.toBe(d.y[reaching]);
    }
  });

  it("the newest input uses the newest candle and nothing else", () => {
    const shorter = buildDataset(candles.slice(0, 60), spec);
    const full = buildDataset(candles, spec);
    expect(shorter.latest?.x).toEqual(full.x[full.anchors.indexOf(59)]);
  });
});

describe("walk-forward folds", () => {
  it("train only on samples whose target was known at each test block's first anchor (purged)", () => {
    const anchors = Array.from({ length: 500 }, (_, i) => 40 + i);
    for (const steps of [1, 3, 7]) {
      const folds = planFolds(anchors, 100, 4, steps);
      expect(folds).toHaveLength(4);
      expect(folds[0]!.testStart).toBe(400);
      expect(folds.at(-1)!.testEnd).toBe(500);
      for (const f of folds) {
        const lastTrainAnchor = anchors[f.trainEnd - 1]!;
        expect(lastTrainAnchor + steps).toBeLessThanOrEqual(anchors[f.testStart]!);
        // and no more purged than needed
        expect(anchors[f.trainEnd]! + steps).toBeGreaterThan(anchors[f.testStart]!);
      }
    }
  });

  it("scaler statistics come from training rows only", () => {
    const train = [[1], [2], [3]];
    const test = [[1000]];
    const s = fitScaler(train);
    expect(s.mean[0]).toBe(2);
    expect(scaleRows(test, s)[0]![0]).toBeCloseTo((1000 - 2) / Math.sqrt(2 / 3), 9);
  });
});
