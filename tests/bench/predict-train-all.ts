// Benchmark of item 5: training every pair and horizon (5 USDT pairs x 1d/3d/1w = 15 models: walk-forward of the
// point network and of the distribution network, final refits, stored in a fresh SQLite database), against the
// 5-minute budget. Run: npx tsx tests/bench/predict-train-all.ts [--csv-dir DIR] (binance_<PAIR>_1d.csv.gz and
// _1h.csv.gz; without it, synthetic candles of the same length). Prints per-model and total seconds and the load
// average before and after (the machine is shared: the figure means little without it).
import fs from "node:fs";
import os from "node:os";
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
const { disconnect } = await import("@/lib/db");

const dir = values["csv-dir"];
async function load(symbol: string, interval: "1d" | "1h"): Promise<Candle[]> {
  const file = dir ? path.join(dir, `binance_${symbol}_${interval}.csv.gz`) : "";
  if (file && fs.existsSync(file)) return readKlineCsv(file);
  return interval === "1d" ? syntheticCandles(3000, { seed: symbol.length }) : [];
}

const load1 = os.loadavg().map((l) => l.toFixed(1)).join(" ");
const t0 = performance.now();
const results = await trainModels({
  loadCandles: (s) => load(s, "1d"),
  loadHourly: (s) => load(s, "1h"),
  onProgress: (e) => {
    if (e.phase === "end") console.log(`${e.symbol} ${e.horizon}: ${e.result.status} ${e.result.trainSeconds?.toFixed(1) ?? ""} s ${e.result.reason ?? ""}`);
  },
});
const total = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage();
console.log(
  `${results.filter((r) => r.status === "trained").length} of ${results.length} models in ${total.toFixed(1)} s wall, ` +
    `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (budget ${BUDGET_S} s): ${total <= BUDGET_S ? "within" : "OVER"} budget; ` +
    `load average before ${load1}, after ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (${os.cpus().length} cores)`,
);
await disconnect();
await db.drop();
