// Signed Binance orders over HTTP: POST /api/v3/order MARKET (HMAC-signed, a fresh timestamp and
// signature per request) at 16 concurrent clients, next to GET /api/v3/time on the same server in the
// same run (the dialect's wrapper without a use case: target orders >= 0.7x of it), with p50/p99. The two
// alternate (BENCH_ROUNDS pairs of BENCH_SECONDS each, after BENCH_WARMUP_S of both), so that a change of the
// machine's load during the run shows in every pair alike; the ratio is the median of the pairs'. And the
// signature check's cost in-process (verifySignedRequest on a cached key, target < 0.1 ms), beside a bare
// HMAC. recvWindow 60000: under load a queued request must not age out of the window (that would be a
// -1021, not a measure of the path). Prints figures; asserts nothing.
// Needs a build (`npx next build`); run: `npx tsx tests/bench/binance-orders.ts [sqlite|postgres]`.
import type autocannon from "autocannon";
import { measure, type Figures } from "./http-load";
import { apiClient, newUser } from "../support/api-client";
import { newApiKey, sign } from "../support/binance-signer";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { startTestServer, type TestServer } from "../support/test-server";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 20);
const ACCOUNTS = 16;
const CONNECTIONS = 16;
const VERIFY_ROUNDS = 20_000;

const load = (label: string, opts: autocannon.Options): Promise<Figures> => measure(label, { connections: CONNECTIONS, duration: DURATION_S, ...opts });

// The signature check as the wrapper runs it, in this process on the server's database: the key is looked
// up once and then cached, so this is the per-request cost (HMAC + constant-time compare + checks).
async function signatureCost(dbUrl: string, key: { apiKey: string; secretKey: string }) {
  process.env.DATABASE_URL = dbUrl;
  process.env.API_KEY_ENCRYPTION_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  const { verifySignedRequest } = await import("@/lib/binance/verify-signed-request");
  const timestamp = String(Date.now());
  const payload = `symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.0001&recvWindow=60000&timestamp=${timestamp}`;
  const signature = sign(key.secretKey, payload);
  const args = { apiKey: key.apiKey, payload, signature, timestamp, recvWindow: "60000", need: "TRADE" as const };
  await verifySignedRequest(args); // loads and caches the key
  let t = performance.now();
  for (let i = 0; i < VERIFY_ROUNDS; i++) await verifySignedRequest(args);
  const verifyMs = (performance.now() - t) / VERIFY_ROUNDS;
  t = performance.now();
  for (let i = 0; i < VERIFY_ROUNDS; i++) sign(key.secretKey, payload);
  const hmacMs = (performance.now() - t) / VERIFY_ROUNDS;
  return { verifyMs, hmacMs };
}

async function benchDatabase(kind: "sqlite" | "postgres"): Promise<void> {
  process.env.TEST_DB = kind;
  // limits far above the load: this measures the path, not the 429s
  const server: TestServer = await startTestServer({ LOG_LEVEL: "error", STARTING_BALANCE_USDT: "100000000", BINANCE_REQUEST_WEIGHT_1M: "100000000", BINANCE_ORDERS_10S: "100000000", BINANCE_ORDERS_1D: "100000000" });
  const api = apiClient(server.url);
  const live = keepMarketLive(server, "BTCUSDT", "90000", 200);
  try {
    await tradeAt(server, api, "BTCUSDT", "90000");
    // One account for all 16 clients (its orders queue on its balance rows: on PostgreSQL each waits for
    // the previous one's commit), and one account per client (16 bots).
    const keys = [];
    for (let i = 0; i < ACCOUNTS; i++) keys.push(await newApiKey(api, (await newUser(api, `bnbench${i}`)).token));
    const key = keys[0]!;
    const time: autocannon.Options = { url: `${server.url}/api/v3/time` };
    const ordersOf = (accounts: readonly { apiKey: string; secretKey: string }[]): autocannon.Options => {
      let n = 0;
      return {
        url: server.url,
        requests: [
          {
            method: "POST",
            path: "/api/v3/order",
            setupRequest: (req) => {
              const k = accounts[n++ % accounts.length]!;
              const body = `symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.0001&newOrderRespType=ACK&recvWindow=60000&timestamp=${Date.now()}`;
              return {
                ...req,
                headers: { "X-MBX-APIKEY": k.apiKey, "content-type": "application/x-www-form-urlencoded" },
                body: `${body}&signature=${sign(k.secretKey, body)}`,
              };
            },
          },
        ],
      };
    };
    const one = ordersOf([key]);
    const many = ordersOf(keys);
    // The server's start-up work (candle backfill, first syncs) and the JIT settle first: both routes take
    // turns for BENCH_WARMUP_S before anything is measured (a cold first round read up to 2x low).
    for (const end = Date.now() + WARMUP_S * 1000; Date.now() < end; ) {
      for (const opts of [time, one, many]) await load("warm-up", { ...opts, duration: 2 });
    }
    const rounds: Figures[][] = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push([
        await load("GET /api/v3/time", time),
        await load("signed POST /api/v3/order MARKET, 1 account", one),
        await load(`signed POST /api/v3/order MARKET, ${ACCOUNTS} accounts`, many),
      ]);
    }
    const cost = await signatureCost(server.db.url, key);
    console.log(`\n${kind}: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each (time, then the orders)`);
    console.log("| round | what | req/s | p50 ms | p99 ms | errors | x time |");
    console.log("|---|---|---:|---:|---:|---:|---:|");
    rounds.forEach((r, i) => {
      for (const f of r) {
        console.log(`| ${i + 1} | ${f.label} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} | ${(f.rps / r[0]!.rps).toFixed(2)} |`);
      }
    });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = (j: number) => median(rounds.map((r) => r[j]!.rps / r[0]!.rps)).toFixed(2);
    console.log(`${kind}: signed market orders = ${ratio(1)}x GET /api/v3/time with 1 account, ${ratio(2)}x with ${ACCOUNTS} accounts (medians of ${ROUNDS} rounds)`);
    console.log(`signature check (verifySignedRequest, cached key): ${(cost.verifyMs * 1000).toFixed(1)} µs; bare HMAC-SHA256: ${(cost.hmacMs * 1000).toFixed(1)} µs`);
  } finally {
    live.stop();
    await server.close();
  }
}

// One database per process: the in-process check picks its database when lib/env is first imported.
await benchDatabase(process.argv[2] === "postgres" ? "postgres" : "sqlite");
process.exit(0);
