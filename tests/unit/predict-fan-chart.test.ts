// The Predict page's chart, rendered on the server as the page does: the fan of the 80% and 95% ranges.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CandleChart } from "@/app/(app)/predict/candle-chart";
import { syntheticCandles } from "./predict-fixtures";

describe("CandleChart", () => {
  const candles = syntheticCandles(30, { seed: 2 });
  const last = candles.at(-1)!.close;
  const f = (label: string, steps: number, w: number) => ({
    label,
    steps,
    prediction: last,
    low: last * (1 - w),
    high: last * (1 + w),
    outerLow: last * (1 - 2 * w),
    outerHigh: last * (1 + 2 * w),
  });

  it("draws a 95% and an 80% fan from the last close through every horizon", () => {
    const html = renderToStaticMarkup(createElement(CandleChart, { candles, forecasts: [f("1w", 7, 0.08), f("1d", 1, 0.03), f("3d", 3, 0.05)], summary: "s" }));
    const polygons = [...html.matchAll(/<polygon points="([^"]+)"/g)].map((m) => m[1]!.split(" "));
    expect(polygons).toHaveLength(2);
    // origin + 3 upper + 3 lower points each
    for (const p of polygons) expect(p).toHaveLength(7);
    expect(html).toMatch(/95% range/);
  });

  it("draws no outer fan for models without the 2.5/97.5% quantiles", () => {
    const old = { label: "1d", steps: 1, prediction: last, low: last * 0.97, high: last * 1.03 };
    const html = renderToStaticMarkup(createElement(CandleChart, { candles, forecasts: [old], summary: "s" }));
    expect([...html.matchAll(/<polygon/g)]).toHaveLength(1);
  });
});
