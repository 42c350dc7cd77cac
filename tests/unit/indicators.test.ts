import { describe, expect, it } from "vitest";
import { ema, nextEma, sma } from "@/components/charts/indicators";

describe("chart indicators", () => {
  it("aligns SMA(3) to the candle that completes each window", () => {
    expect(sma([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
  });

  it("seeds EMA with the SMA of the first period and then smooths with k = 2/(n+1)", () => {
    const out = ema([1, 2, 3, 4], 3);
    expect(out.slice(0, 3)).toEqual([null, null, 2]);
    expect(out[3]).toBeCloseTo(2 + 0.5 * (4 - 2));
    expect(nextEma(2, 4, 3)).toBeCloseTo(out[3] as number);
  });

  it("gives no values when there are fewer candles than the period", () => {
    expect(sma([1, 2], 10)).toEqual([null, null]);
    expect(ema([1, 2], 25)).toEqual([null, null]);
  });
});
