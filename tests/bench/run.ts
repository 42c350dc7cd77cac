// `npm run bench`: every benchmark, one after the other, each in its own process, printing its figures.
// Build first (`npx next build`): the HTTP benchmark starts the real server.
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";

const tsx = ["--expose-gc", "--import", "tsx"];
const pgUp = (() => {
  try {
    execFileSync("node", ["scripts/pg-available.mjs"]);
    return true;
  } catch {
    return false;
  }
})();

const runs: [string, string[]][] = [
  ["trigger index (in memory)", ["tests/bench/trigger-index.ts"]],
  ["stop orders in the database, SQLite", ["tests/bench/fills.ts", "sqlite"]],
  ...(pgUp ? ([["stop orders in the database, PostgreSQL", ["tests/bench/fills.ts", "postgres"]]] as [string, string[]][]) : []),
  ["order engine, 100,000 mixed open orders, SQLite", ["tests/bench/engine.ts", "sqlite"]],
  ...(pgUp ? ([["order engine, 100,000 mixed open orders, PostgreSQL", ["tests/bench/engine.ts", "postgres"]]] as [string, string[]][]) : []),
  ["market orders over HTTP, SQLite", ["tests/bench/orders-http.ts", "sqlite"]],
  ...(pgUp ? ([["market orders over HTTP, PostgreSQL", ["tests/bench/orders-http.ts", "postgres"]]] as [string, string[]][]) : []),
  ["signed Binance orders over HTTP, SQLite", ["tests/bench/binance-orders.ts", "sqlite"]],
  ...(pgUp ? ([["signed Binance orders over HTTP, PostgreSQL", ["tests/bench/binance-orders.ts", "postgres"]]] as [string, string[]][]) : []),
  ...(pgUp ? ([["fill to another process's socket (PostgreSQL, Redis)", ["tests/bench/cross-process-fill.ts"]]] as [string, string[]][]) : []),
  ["competition standings, 1,000 participants × a week of 5-minute values, SQLite", ["tests/bench/competition-standings.ts", "sqlite"]],
  ...(pgUp ? ([["competition standings, 1,000 participants × a week of 5-minute values, PostgreSQL", ["tests/bench/competition-standings.ts", "postgres"]]] as [string, string[]][]) : []),
  ["replay: a year of 1-minute candles, 5 pairs, 10,000 armed orders", ["tests/bench/replay.ts"]],
  ["prediction", ["tests/bench/predict.ts"]],
  ["dashboard first-load JavaScript", ["tests/bench/ui-bundle.ts"]],
  ["dashboard re-renders per price tick", ["tests/bench/ui-tick-renders.ts"]],
];

if (!pgUp) console.log("PostgreSQL is not reachable: its benchmarks are skipped.");
for (const [title, args] of runs) {
  console.log(`\n### ${title}`);
  const r = spawnSync("node", [...tsx, ...args], { stdio: "inherit" });
  if (r.status !== 0) console.log(`(${args[0]} exited with ${r.status})`);
}
