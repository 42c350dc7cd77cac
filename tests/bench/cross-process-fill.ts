// From a crossing trade to the {"type":"fill"} message on a socket of another process: an app process
// (server.ts, RUN_WORKER=false) and a worker on one PostgreSQL, events over LISTEN/NOTIFY, then over Redis.
// Each sample: a BUY stop placed on the app just above the price, then the fake Binance trades through it;
// the clock runs from the trade sent to the fill message received on the app's socket (another process)
// and, as the baseline of the same run, on the worker's own /ws (the process that filled).
// Prints p50/p99; asserts nothing. Run: `node --import tsx tests/bench/cross-process-fill.ts [samples]`.
import { apiClient, newUser } from "../support/api-client";
import { openSocket, startCluster, type Cluster } from "../support/cluster";
import { waitFor } from "../support/wait-for";

process.env.TEST_DB = "postgres"; // the cross-process channel is PostgreSQL's LISTEN/NOTIFY (or Redis); SQLite has none
const SAMPLES = Number(process.argv[2] ?? 100);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function run(name: string, env: Record<string, string>): Promise<void> {
  let cluster: Cluster | undefined;
  try {
    console.log(`${name}: starting one app process and one worker`);
    cluster = await startCluster({ apps: 1, workers: 1, env: { ORDER_SYNC_MS: "60000", LOG_LEVEL: "warn", ...env } });
    const app = cluster.apps[0]!;
    const worker = cluster.workers[0]!;
    const api = apiClient(app.url);
    let price = 90_000;
    const beat = setInterval(() => cluster!.binance.trade("BTCUSDT", String(price)), 250);
    await waitFor(async () => (await fetch(`${app.url}/api/health`).then((r) => r.json() as Promise<{ stale: boolean }>)).stale === false, "fresh prices on the app", 20_000);
    const u = await newUser(api, "bench");
    const remote = await openSocket(app.url, u.token);
    const local = await openSocket(worker.url, u.token);
    const cross: number[] = [];
    const same: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const r = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.001, stop: price + 10 } });
      if (r.status !== 201) throw new Error(`placing failed: ${r.status} ${r.text}`);
      await sleep(150); // armed through the event well before this
      const id = r.body.order_id;
      // A fill message that never comes fails the run after 10 s instead of hanging it.
      const got = (s: typeof remote, where: string) => new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          s.ws.off("message", on);
          reject(new Error(`sample ${i}: no fill message for ${id} on ${where} within 10 s`));
        }, 10_000);
        const on = (d: Buffer) => {
          const m = JSON.parse(d.toString()) as { type?: string; orderId?: string };
          if (m.type === "fill" && m.orderId === id) {
            clearTimeout(timer);
            s.ws.off("message", on);
            resolve(performance.now());
          }
        };
        s.ws.on("message", on);
      });
      const [a, b] = [got(remote, "the app's socket"), got(local, "the worker's socket")];
      price += 20;
      const t0 = performance.now();
      cluster.binance.trade("BTCUSDT", String(price));
      const [ta, tb] = await Promise.all([a, b]);
      cross.push(ta - t0);
      same.push(tb - t0);
    }
    clearInterval(beat);
    remote.close();
    local.close();
    const f = (x: number) => x.toFixed(1).padStart(6);
    console.log(`${name}: ${SAMPLES} fills`);
    console.log(`  fill message on another process's socket  p50 ${f(pct(cross, 50))} ms  p99 ${f(pct(cross, 99))} ms  max ${f(Math.max(...cross))} ms`);
    console.log(`  baseline, the filling worker's own socket p50 ${f(pct(same, 50))} ms  p99 ${f(pct(same, 99))} ms  max ${f(Math.max(...same))} ms`);
    console.log(`  ratio (p50) ${(pct(cross, 50) / pct(same, 50)).toFixed(2)}x; the hop between processes adds ${(pct(cross, 50) - pct(same, 50)).toFixed(1)} ms at p50 (target p99 < 100 ms)`);
  } finally {
    await cluster?.close();
  }
}

await run("PostgreSQL LISTEN/NOTIFY", {});
await run("Redis pub/sub", { REDIS_URL: "redis://127.0.0.1:6379", EVENTS_CHANNEL: `cv_bench_${process.pid}` });
process.exit(0);
