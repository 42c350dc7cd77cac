// npx tsx scripts/predict-ranges.ts --csv-dir DIR [--time 1d,3d,1w] [--pairs BTCUSDT,ETHUSDT,...] [--seed N]
// The range half of predict:eval for every pair and horizon at once: walk-forward (same test points, folds and
// purge as predict:eval) of the served range against the static, EWMA and HAR ranges, one line per pair and
// horizon and the means over the pairs per horizon, the figures docs/prediction.md and the README report.
// DIR holds binance_<PAIR>_1d.csv.gz and, optionally, binance_<PAIR>_1h.csv.gz.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readKlineCsv } from "@/lib/predict/csv-reader";
import { HORIZON_STEPS, parseHorizon, type Horizon } from "@/lib/predict/horizons";
import { buildDataset } from "@/lib/predict/dataset";
import { DEFAULT_CONFIG } from "@/lib/predict/model-config";
import { evaluateRanges, type RangeEvaluation } from "@/lib/predict/evaluate-ranges";
import { ensureBackend } from "@/lib/predict/tf-backend";

const PAIRS = ["BTCUSDT", "ETHUSDT", "LTCUSDT", "XRPUSDT", "BNBUSDT"];

const { values } = parseArgs({
  options: {
    "csv-dir": { type: "string" },
    time: { type: "string", default: "1d,3d,1w" },
    pairs: { type: "string", default: PAIRS.join(",") },
    seed: { type: "string" },
  },
});
const dir = values["csv-dir"];
if (!dir) throw new Error("usage: npx tsx scripts/predict-ranges.ts --csv-dir DIR [--time 1d,3d,1w] [--pairs BTCUSDT,...]");
const horizons = (values.time ?? "").split(",").map((t) => {
  const h = parseHorizon(t);
  if (!h) throw new Error(`--time ${t}: expected 1d, 3d or 1w`);
  return h;
});
const seed = values.seed === undefined ? undefined : Number(values.seed);
await ensureBackend();

const f4 = (v: number) => v.toFixed(4);
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const started = performance.now();
console.log("pair     time    n  cov80  cov95  model/static  model/ewma  har/static  ewma/static  steps  mix");
for (const horizon of horizons) {
  const rows: { vsStatic: number; vsEwma: number; cov: number }[] = [];
  for (const pair of (values.pairs ?? "").split(",")) {
    const daily = await readKlineCsv(path.join(dir, `binance_${pair}_1d.csv.gz`));
    const hourlyFile = path.join(dir, `binance_${pair}_1h.csv.gz`);
    const hourly = fs.existsSync(hourlyFile) ? await readKlineCsv(hourlyFile) : [];
    const r: RangeEvaluation = await evaluate(daily, hourly, horizon);
    const vsStatic = r.model.interval_score_80 / r.static.interval_score_80;
    const vsEwma = r.model.interval_score_80 / r.ewma.interval_score_80;
    rows.push({ vsStatic, vsEwma, cov: r.model.coverage_80 });
    console.log(
      [pair, horizon.padEnd(4), String(r.n).padStart(4), f4(r.model.coverage_80), f4(r.model.coverage_95), f4(vsStatic).padStart(12), f4(vsEwma).padStart(10),
        f4(r.har.interval_score_80 / r.static.interval_score_80).padStart(10), f4(r.ewma.interval_score_80 / r.static.interval_score_80).padStart(11), r.steps.join(","), r.mixes.join(",")].join("  "),
    );
  }
  console.log(
    `mean     ${horizon.padEnd(4)} model/static ${f4(mean(rows.map((r) => r.vsStatic)))} (max ${f4(Math.max(...rows.map((r) => r.vsStatic)))}), ` +
      `model/ewma ${f4(mean(rows.map((r) => r.vsEwma)))}, coverage_80 ${f4(Math.min(...rows.map((r) => r.cov)))}..${f4(Math.max(...rows.map((r) => r.cov)))}`,
  );
}
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);

async function evaluate(daily: Parameters<typeof evaluateRanges>[0], hourly: Parameters<typeof evaluateRanges>[1], horizon: Horizon): Promise<RangeEvaluation> {
  const steps = HORIZON_STEPS[horizon];
  const anchors = buildDataset(daily, { window: DEFAULT_CONFIG.window, features: DEFAULT_CONFIG.features, steps }).anchors;
  return evaluateRanges(daily, hourly, anchors, steps, { seed });
}
