// npm run train [-- BTCUSDT ETHUSDT] [--time 1d,3d] [--csv-dir DIR] [--folds 4] [--as-of EPOCH_MS]
// Trains, evaluates and stores the prediction models (default: the 5 USDT pairs x 1d, 3d, 1w) with a
// progress bar, then prints a summary table. Candles come from the Kline cache the worker fills, or with
// --csv-dir from files named binance_<PAIR>_1d.csv(.gz) in DIR (e.g. downloaded Binance history). --as-of: only
// Kline candles complete by that time (a replay's market time; default now).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { trainModels, type TrainResult } from "@/lib/predict/train-models";
import { readKlineCsv } from "@/lib/predict/csv-reader";
import { parseHorizon, type Horizon } from "@/lib/predict/horizons";
import { disconnect } from "@/lib/db";

function csvLoader(dir: string) {
  return async (symbol: string) => {
    const file = [`binance_${symbol}_1d.csv.gz`, `binance_${symbol}_1d.csv`, `${symbol}_1d.csv`, `${symbol}.csv`]
      .map((f) => path.join(dir, f))
      .find((f) => fs.existsSync(f));
    if (!file) throw new Error(`no binance_${symbol}_1d.csv(.gz) in ${dir}`);
    return readKlineCsv(file);
  };
}

function hourlyCsvLoader(dir: string) {
  return async (symbol: string) => {
    const file = [`binance_${symbol}_1h.csv.gz`, `binance_${symbol}_1h.csv`, `${symbol}_1h.csv`].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    return file ? readKlineCsv(file) : [];
  };
}

const fmt = (v: number | undefined, digits = 4) => (v === undefined || !Number.isFinite(v) ? "" : Number(v.toPrecision(digits)).toString());
const day = (ms: number | undefined) => (ms ? new Date(ms).toISOString().slice(0, 10) : "");

// Within 1% of "no change" is within run-to-run noise on ~600 test days: not called a win.
const verdict = (ratio: number | undefined) => (ratio === undefined ? "trained" : ratio < 0.99 ? "beats naive" : ratio <= 1.01 ? "~ naive" : "worse than naive");

function table(results: TrainResult[]): string {
  const head = ["pair", "time", "status", "candles", "test from", "n", "model MAE", "naive MAE", "linear MAE", "ratio", "dir. acc.", "seconds"];
  const rows = results.map((r) => [
    r.symbol,
    r.horizon,
    r.status === "trained" ? verdict(r.metrics?.ratio) : `${r.status}: ${r.reason ?? ""}`,
    String(r.candles),
    day(r.metrics?.test_from),
    String(r.metrics?.n ?? ""),
    fmt(r.metrics?.mae, 6),
    fmt(r.metrics?.naive_mae, 6),
    fmt(r.metrics?.linear_mae, 6),
    fmt(r.metrics?.ratio),
    fmt(r.metrics?.directional_accuracy, 3),
    fmt(r.trainSeconds, 3),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "progress-lines": { type: "boolean" }, time: { type: "string" }, "csv-dir": { type: "string" }, folds: { type: "string" }, symbols: { type: "string" }, "as-of": { type: "string" } },
  });
  const asOf = values["as-of"] === undefined ? undefined : Number(values["as-of"]);
  if (asOf !== undefined && !Number.isSafeInteger(asOf)) throw new Error(`--as-of ${values["as-of"]}: expected epoch milliseconds`);
  const symbols = [...positionals, ...(values.symbols?.split(",") ?? [])].filter(Boolean);
  let horizons: Horizon[] | undefined;
  if (values.time) {
    horizons = values.time.split(",").map((t) => {
      const h = parseHorizon(t);
      if (!h) throw new Error(`--time ${t}: expected 1d, 3d or 1w`);
      return h;
    });
  }
  const bar = new cliProgress.SingleBar(
    { format: "training |{bar}| {value}/{total} models  {model}  {eta_formatted} left", stream: process.stderr, etaBuffer: 4, hideCursor: true, noTTYOutput: true, notTTYSchedule: 15_000 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let trainedSoFar = 0;
  const t0 = performance.now();
  const results = await trainModels({
    symbols: symbols.length ? symbols : undefined,
    horizons,
    folds: values.folds ? Number(values.folds) : undefined,
    asOf,
    loadCandles: values["csv-dir"] ? csvLoader(values["csv-dir"]) : undefined,
    loadHourly: values["csv-dir"] ? hourlyCsvLoader(values["csv-dir"]) : undefined,
    onProgress: (e) => {
      if (values["progress-lines"] && e.phase !== "fold") {
        if (e.phase === "end" && e.result.status === "trained") trainedSoFar++;
        const p = { done: e.index, total: e.total, trained: trainedSoFar, current: e.phase === "start" ? `${e.symbol} ${e.horizon}` : undefined };
        console.log(`PROGRESS ${JSON.stringify(p)}`);
      }
      if (!started) {
        bar.start(e.total, 0, { model: "" });
        started = true;
      }
      const model = e.phase === "fold" ? `${e.symbol} ${e.horizon} fold ${e.fold}/${e.folds}` : `${e.symbol} ${e.horizon}`;
      bar.update(e.phase === "fold" ? e.index + e.fold / (e.folds + 1) : e.index, { model });
    },
  });
  bar.stop();
  console.log(table(results));
  const trained = results.filter((r) => r.status === "trained");
  console.log(
    `\n${trained.length} of ${results.length} models trained and stored in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `${trained.filter((r) => r.metrics?.beats_naive).length} beat "no change" (ratio < 1) on the walk-forward test.`,
  );
  return results.some((r) => r.status === "failed") ? 1 : 0;
}

main()
  .then(async (code) => {
    await disconnect();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    console.error(`train: ${(e as Error).message}`);
    await disconnect().catch(() => undefined);
    process.exit(1);
  });
