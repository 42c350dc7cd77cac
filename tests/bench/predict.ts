// Prediction benchmarks: training time per model (walk-forward evaluation + final refit), serialised size,
// load time, prediction latency (network call, and GET /api/predict answered from the cache), memory.
// Run: npx tsx tests/bench/predict.ts [--csv FILE] [--candles 3000]. Prints figures; asserts nothing.
import { parseArgs } from "node:util";
import { createTestDatabase } from "../support/test-database";
import { syntheticCandles } from "../unit/predict-fixtures";
import type { Candle } from "@/lib/predict/candle";

const { values } = parseArgs({ options: { csv: { type: "string" }, candles: { type: "string", default: "3000" } } });
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const pctl = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (v: number) => `${v.toFixed(3)} ms`;

const db = await createTestDatabase();
process.env.DATABASE_URL = db.url;
const { readKlineCsv } = await import("@/lib/predict/csv-reader");
const { ensureBackend, tf } = await import("@/lib/predict/tf-backend");
const { trainAndEvaluate } = await import("@/lib/predict/train-and-evaluate");
const { saveModel, loadModel } = await import("@/lib/predict/model-store");
const { serializeModel } = await import("@/lib/predict/model-artifacts");
const { predictLatest } = await import("@/lib/predict/predict-latest");
const { prisma, disconnect } = await import("@/lib/db");
const { GET } = await import("@/app/api/predict/route");

// Shift the history so that its last candle closed yesterday (the cache only uses complete candles).
let candles: Candle[] = values.csv ? await readKlineCsv(values.csv) : syntheticCandles(Number(values.candles), { phi: 0.05, seed: 9 });
const shift = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000 - candles.at(-1)!.openTime;
candles = candles.map((c) => ({ ...c, openTime: c.openTime + shift }));
console.log(`data: ${values.csv ?? "synthetic"} (${candles.length} daily candles); backend ${await ensureBackend()}`);
const rss0 = process.memoryUsage().rss;

for (const horizon of ["1d", "3d", "1w"] as const) {
  const t = await trainAndEvaluate(candles, horizon);
  const s = await serializeModel(t.model, t.meta);
  console.log(
    `train ${horizon}: ${t.trainSeconds.toFixed(1)} s (4-fold walk-forward + final refit), ratio ${t.metrics.ratio.toFixed(4)}, ` +
      `stored size ${(s.weights.byteLength / 1024).toFixed(1)} KB weights + ${(s.topology.length / 1024).toFixed(1)} KB topology`,
  );
  await saveModel("BTCUSDT", t);
  t.model.dispose();
}
console.log(`memory after training: rss ${mb(process.memoryUsage().rss)} (+${mb(process.memoryUsage().rss - rss0)}), tf tensors ${tf.memory().numTensors}, tf bytes ${mb(tf.memory().numBytes)}`);

await prisma.kline.createMany({ data: candles.slice(-200).map((c) => ({ symbol: "BTCUSDT", interval: "1d", ...c, openTime: BigInt(c.openTime) })) });

let t0 = performance.now();
const loaded = (await loadModel("BTCUSDT", "1d"))!;
console.log(`load from database: ${ms(performance.now() - t0)}`);
const recent = candles.slice(-200);
const net: number[] = [];
for (let i = 0; i < 1000; i++) {
  t0 = performance.now();
  predictLatest(loaded, recent);
  net.push(performance.now() - t0);
}
console.log(`network prediction (features + forward pass): p50 ${ms(pctl(net, 0.5))}, p99 ${ms(pctl(net, 0.99))}`);

const request = () => GET(new Request("http://localhost/api/predict?symbol=BTCUSDT&time=1d"));
t0 = performance.now();
const first = await request();
console.log(`GET /api/predict, first (loads model + candles): ${ms(performance.now() - t0)} -> ${first.status}`);
const api: number[] = [];
for (let i = 0; i < 2000; i++) {
  t0 = performance.now();
  const r = await request();
  await r.arrayBuffer();
  api.push(performance.now() - t0);
}
console.log(`GET /api/predict, cached (handler in-process): p50 ${ms(pctl(api, 0.5))}, p99 ${ms(pctl(api, 0.99))}, max ${ms(Math.max(...api))}`);
console.log(`memory at the end: rss ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}, tf tensors ${tf.memory().numTensors}`);

loaded.model.dispose();
await disconnect();
await db.drop();
