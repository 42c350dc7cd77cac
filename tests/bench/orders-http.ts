// Market orders per second through the HTTP API (16 concurrent clients), with p50/p99, next to two
// baselines measured in the same run: the same server's trivial route (the framework's ceiling) and the
// same order use case called in-process without HTTP. The trivial route and the orders take turns
// (BENCH_ROUNDS pairs of BENCH_SECONDS each), so that a change of the machine's load during the run
// shows in every pair alike; the ratio is the median of the pairs' ratios. Prints figures; asserts nothing.
// Needs a build (`npx next build`); run: `npx tsx tests/bench/orders-http.ts [sqlite|postgres]`.
import type autocannon from "autocannon";
import { measure, type Figures } from "./http-load";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser } from "../support/api-client";
import { keepMarketLive, tradeAt } from "../support/market-moves";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;

const load = (label: string, opts: autocannon.Options): Promise<Figures> => measure(label, { connections: CONNECTIONS, duration: DURATION_S, ...opts });

// The order transaction without HTTP: the same use case, called in-process in a loop (16 at a time).
async function direct(dbUrl: string, userId: string): Promise<Figures> {
  process.env.DATABASE_URL = dbUrl;
  const { placeMarketOrder } = await import("@/lib/trading/place-market-order");
  const { priceStore } = await import("@/lib/market/price-store");
  // imported here, not at the top: lib/env reads DATABASE_URL once, on the first import of anything under it
  const { mainPortfolio } = await import("@/lib/portfolio/portfolio-scope");
  const latencies: number[] = [];
  const end = Date.now() + DURATION_S * 1000;
  // This process plays the feed: its own fresh price in memory, as in the one-process deployment.
  priceStore.feedSource = "binance";
  priceStore.setConnected(true);
  let tradeId = 0;
  const tick = () => {
    const now = Date.now();
    priceStore.recordTrade({ symbol: "BTCUSDT", price: 9_000_000_000_000n, qty: 1, tradeId: String(++tradeId), time: now, receivedAt: now }, "binance");
  };
  // Refreshed inline: on SQLite every await resolves at once, so a timer would never get its turn.
  let lastTick = 0;
  const keepFresh = () => {
    if (Date.now() - lastTick < 200) return;
    lastTick = Date.now();
    tick();
  };
  const worker = async () => {
    while (Date.now() < end) {
      keepFresh();
      const t = performance.now();
      await placeMarketOrder({ portfolio: mainPortfolio(userId), base: "BTC", quote: "USDT", side: "BUY", amount: 1000n });
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { label: "order use case, no HTTP", rps: latencies.length / DURATION_S, p50: q(0.5), p99: q(0.99), errors: 0 };
}

async function benchDatabase(kind: "sqlite" | "postgres"): Promise<void> {
  process.env.TEST_DB = kind;
  const server: TestServer = await startTestServer({ LOG_LEVEL: "error" });
  const api = apiClient(server.url);
  const live = keepMarketLive(server, "BTCUSDT", "90000", 200);
  try {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api, "bench");
    const headers = { authorization: `Bearer ${u.token}`, "content-type": "application/json" };
    const body = JSON.stringify({ base: "BTC", quote: "USDT", side: "BUY", b_amount: "0.00001" });
    await load("warm-up", { url: `${server.url}/api/health`, duration: 2 });
    const pairs: [Figures, Figures][] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const trivial = await load("trivial route (GET /api/health)", { url: `${server.url}/api/health` });
      const orders = await load("POST /api/order/market", { url: `${server.url}/api/order/market`, method: "POST", headers, body });
      pairs.push([trivial, orders]);
    }
    const me = await api<{ user_id: string }>("GET", "/api/myprofile", { token: u.token });
    const raw = await direct(server.db.url, me.body.user_id);
    console.log(`\n${kind}: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each (trivial, then orders)`);
    console.log("| round | what | req/s | p50 ms | p99 ms | errors | x trivial |");
    console.log("|---|---|---:|---:|---:|---:|---:|");
    pairs.forEach(([trivial, orders], i) => {
      for (const f of [trivial, orders]) {
        console.log(`| ${i + 1} | ${f.label} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} | ${(f.rps / trivial.rps).toFixed(2)} |`);
      }
    });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const trivialRps = median(pairs.map(([t]) => t.rps));
    console.log(`| all | ${raw.label} | ${raw.rps.toFixed(0)} | ${raw.p50.toFixed(1)} | ${raw.p99.toFixed(1)} | ${raw.errors} | ${(raw.rps / trivialRps).toFixed(2)} (median trivial) |`);
    console.log(`${kind}: market orders over HTTP = ${median(pairs.map(([t, o]) => o.rps / t.rps)).toFixed(2)}x the trivial route (median of ${ROUNDS} pairs)`);
  } finally {
    live.stop();
    await server.close();
  }
}

// One database per process: the in-process baseline picks its database when lib/env is first imported.
await benchDatabase(process.argv[2] === "postgres" ? "postgres" : "sqlite");
process.exit(0);
