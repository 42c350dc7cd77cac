// Benchmark of item 5: training every pair and horizon (5 USDT pairs x 1d/3d/1w = 15 models: walk-forward of the
// network and of the ranges, final refits, stored in a fresh SQLite database), against the 5-minute budget.
// Run: npx tsx tests/bench/predict-train-all.ts [--csv-dir DIR] (binance_<PAIR>_1d.csv.gz and _1h.csv.gz; without it,
// synthetic candles of the same length). Prints per-model and total seconds and the range part alone.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTestDatabase } from "../support/test-database";
import { syntheticCandles } from "../unit/predict-fixtures";
import type { Candle } from "@/lib/predict/candle";

const BUDGET_S = 300;
const { values } = parseArgs({ options: { "csv-dir": { type: "string" } } });
const db = await createTestDatabase();
process.env.DATABASE_URL = db.url;
const { readKlineCsv } = await import("@/lib/predict/csv-reader");
const { trainModels } = await import("@/lib/predict/train-models");
const { evaluateRanges } = await import("@/lib/predict/evaluate-ranges");
const { fitRangeModel } = await import("@/lib/predict/range-model");
const { buildDataset } = await import("@/lib/predict/dataset");
const { disconnect } = await import("@/lib/db");

const dir = values["csv-dir"];
async function load(symbol: string, interval: "1d" | "1h"): Promise<Candle[]> {
  const file = dir ? path.join(dir, `binance_${symbol}_${interval}.csv.gz`) : "";
  if (file && fs.existsSync(file)) return readKlineCsv(file);
  return interval === "1d" ? syntheticCandles(3000, { seed: symbol.length }) : [];
}

const t0 = performance.now();
let rangeSeconds = 0;
const results = await trainModels({
  loadCandles: async (s) => {
    const daily = await load(s, "1d");
    const hourly = await load(s, "1h");
    const r0 = performance.now();
    for (const steps of [1, 3, 7]) {
      evaluateRanges(daily, hourly, buildDataset(daily, { window: 10, features: ["ret"], steps }).anchors, steps);
      fitRangeModel(daily, hourly, steps);
    }
    rangeSeconds += (performance.now() - r0) / 1000;
    return daily;
  },
  loadHourly: (s) => load(s, "1h"),
  onProgress: (e) => {
    if (e.phase === "end") console.log(`${e.symbol} ${e.horizon}: ${e.result.status} ${e.result.trainSeconds?.toFixed(1) ?? ""} s`);
  },
});
const total = (performance.now() - t0) / 1000;
console.log(`range models alone (evaluation + fit, all 15, measured once more outside training): ${rangeSeconds.toFixed(1)} s`);
console.log(`${results.filter((r) => r.status === "trained").length} of ${results.length} models in ${total.toFixed(1)} s (budget ${BUDGET_S} s): ${total <= BUDGET_S ? "within" : "OVER"} budget; load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
await disconnect();
await db.drop();
