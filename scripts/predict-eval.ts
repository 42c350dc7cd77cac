// npm run predict:eval -- --csv FILE --time 1d [--hourly FILE] [--folds 4] [--window 20 --net mlp:32x16 --loss huber ...]
// Trains and evaluates (walk-forward) on a Binance kline CSV and prints one JSON line on stdout: the point
// forecast's errors and, on the same test points, the 80% ranges of the TF.js distribution network, the static
// range, EWMA and the least-squares HAR range the network starts from.
// --hourly: hourly candles of the same pair, for realised volatility (days without them use their high/low).
import { parseArgs } from "node:util";
import { readKlineCsv, CsvError } from "@/lib/predict/csv-reader";
import { HORIZON_STEPS, parseHorizon } from "@/lib/predict/horizons";
import { walkForward } from "@/lib/predict/walk-forward";
import { configFromFlags } from "@/lib/predict/config-overrides";
import { ensureBackend } from "@/lib/predict/tf-backend";
import { buildDataset } from "@/lib/predict/dataset";
import { evaluateRanges } from "@/lib/predict/evaluate-ranges";

const round = (v: number, digits = 6) => Number(v.toPrecision(digits));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      csv: { type: "string" },
      hourly: { type: "string" },
      time: { type: "string", default: "1d" },
      folds: { type: "string", default: "4" },
      "test-fraction": { type: "string", default: "0.2" },
      window: { type: "string" },
      features: { type: "string" },
      net: { type: "string" },
      loss: { type: "string" },
      epochs: { type: "string" },
      lr: { type: "string" },
      patience: { type: "string" },
      seed: { type: "string" },
    },
  });
  if (!values.csv) throw new Error("usage: npm run predict:eval -- --csv FILE --time 1d|3d|1w");
  const horizon = parseHorizon(values.time ?? "");
  if (!horizon) throw new Error(`--time ${values.time}: expected 1d, 3d or 1w`);
  const config = configFromFlags(values);
  const started = performance.now();
  const candles = await readKlineCsv(values.csv);
  const hourly = values.hourly ? await readKlineCsv(values.hourly) : [];
  await ensureBackend();
  const e = await walkForward(candles, HORIZON_STEPS[horizon], config, {
    folds: Number(values.folds),
    testFraction: Number(values["test-fraction"]),
    seed: values.seed === undefined ? undefined : Number(values.seed),
  });
  const anchors = buildDataset(candles, { window: config.window, features: config.features, steps: HORIZON_STEPS[horizon] }).anchors;
  const r = await evaluateRanges(candles, hourly, anchors, HORIZON_STEPS[horizon], {
    folds: Number(values.folds),
    testFraction: Number(values["test-fraction"]),
    seed: values.seed === undefined ? undefined : Number(values.seed),
  });
  console.log(
    JSON.stringify({
      n: e.n,
      model_mae: round(e.model_mae),
      naive_mae: round(e.naive_mae),
      linear_mae: round(e.linear_mae),
      ratio: round(e.ratio),
      directional_accuracy: round(e.directional_accuracy, 4),
      train_seconds: round((performance.now() - started) / 1000, 4),
      linear_ratio: round(e.linear_ratio),
      coverage_80: round(r.model.coverage_80, 4),
      interval_score_80: round(r.model.interval_score_80),
      coverage_95: round(r.model.coverage_95, 4),
      static_coverage_80: round(r.static.coverage_80, 4),
      static_interval_score_80: round(r.static.interval_score_80),
      ewma_coverage_80: round(r.ewma.coverage_80, 4),
      ewma_interval_score_80: round(r.ewma.interval_score_80),
      har_coverage_80: round(r.har.coverage_80, 4),
      har_interval_score_80: round(r.har.interval_score_80),
      interval_score_vs_static: round(r.model.interval_score_80 / r.static.interval_score_80, 4),
      interval_score_vs_ewma: round(r.model.interval_score_80 / r.ewma.interval_score_80, 4),
      range_n: r.n,
      range_steps: r.steps,
      range_long_run_mix: r.mixes,
      hourly_days: r.hourly_days,
      candles: candles.length,
      time: horizon,
    }),
  );
}

main().catch((e: unknown) => {
  // Bad input is the user's to fix: one clear line, no stack trace.
  const message = e instanceof CsvError || e instanceof Error ? e.message : String(e);
  console.error(`predict:eval: ${message}`);
  process.exit(1);
});
