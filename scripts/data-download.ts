// npm run data:download -- --pairs BTCUSDT,ETHUSDT --interval 1m --from 2024-01-01 --to 2024-03-01 [--dir data/market]
// Fetches klines from BINANCE_REST_URL into data/market/ for the replay (MARKET_SOURCE=replay or auto offline).
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { env } from "@/lib/env";
import { findPair } from "@/lib/markets";
import { downloadKlines } from "@/lib/market/replay/download-klines";

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "BTCUSDT,ETHUSDT" },
    interval: { type: "string", default: "1m" },
    from: { type: "string" },
    to: { type: "string" },
    dir: { type: "string", default: "data/market" },
  },
});

function fail(message: string): never {
  console.error(`data:download: ${message}`);
  process.exit(2);
}

const pairs = (values.pairs ?? "").split(",").map((p) => p.trim().toUpperCase()).filter(Boolean);
for (const p of pairs) if (!findPair(p)) fail(`unknown pair ${p}`);
const from = Date.parse(values.from ?? "");
const to = Date.parse(values.to ?? "");
if (!Number.isFinite(from) || !Number.isFinite(to)) fail("--from and --to are required dates, e.g. --from 2024-01-01 --to 2024-03-01");

const bar = new cliProgress.SingleBar({ format: "{bar} {percentage}% | {value}/{total} candles | ETA {eta_formatted}", noTTYOutput: true, notTTYSchedule: 2000 }, cliProgress.Presets.shades_classic);
let started = false;
try {
  const r = await downloadKlines({
    restUrl: env.BINANCE_REST_URL,
    pairs,
    interval: values.interval ?? "1m",
    from,
    to,
    dir: values.dir ?? "data/market",
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    onLog: (line) => process.stderr.write(`\n${line}\n`),
  });
  bar.stop();
  console.log(`data:download: ${r.files.length} file(s) in ${values.dir}, ${r.candles} candles, ${r.requests} request(s)`);
} catch (e) {
  bar.stop();
  fail(e instanceof Error ? e.message : String(e));
}
