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

describe("describeRange", () => {
  it("states the ranges, their measured coverage and the comparison with both baselines", async () => {
    const { describeRange } = await import("@/lib/predict/describe-range");
    const w = describeRange(
      { p2_5: 90000, p10: 95000, p90: 105000, p97_5: 110000 },
      { n: 605, coverage_80: 0.823, coverage_95: 0.967, interval_score_80: 95, static_interval_score_80: 100, ewma_interval_score_80: 95.5 },
      "one day",
    );
    expect(w.range).toBe("Most likely (80%) between 95,000 and 105,000 one day from now; almost surely (95%) between 90,000 and 110,000.");
    expect(w.coverage).toMatch(/605 test days .* 82% of the time, the 95% ranges 97%/);
    expect(w.comparison).toMatch(/5% better than a fixed range/);
    expect(w.comparison).toMatch(/about as good as a simple recent-volatility \(EWMA\) range/);
  });
});
