import { describe, expect, it } from "vitest";
import { describeAccuracy } from "@/lib/predict/describe-accuracy";

describe("describeAccuracy", () => {
  it("says plainly when the model does not beat no change", () => {
    const w = describeAccuracy({ n: 600, mae: 1500, naive_mae: 1460, ratio: 1500 / 1460, directional_accuracy: 0.51, beats_naive: false }, "one day");
    expect(w.summary).toContain("last 600 days");
    expect(w.summary).toContain("1,500 USDT");
    expect(w.summary).toContain("1,460 USDT");
    expect(w.verdict).toMatch(/does not beat "no change" \(its errors were 2\.7% larger\)/);
  });

  it("calls a tiny edge marginal rather than a win", () => {
    expect(describeAccuracy({ n: 600, mae: 99.8, naive_mae: 100, ratio: 0.998, directional_accuracy: 0.52, beats_naive: true }, "three days").verdict).toMatch(/only marginally better/);
    expect(describeAccuracy({ n: 600, mae: 90, naive_mae: 100, ratio: 0.9, directional_accuracy: 0.6, beats_naive: true }, "one week").verdict).toMatch(/10\.0% better/);
  });
});
