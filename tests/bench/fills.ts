// The worker's database side with 100,000 open stop orders: re-arming them all at start (query + index
// load), and a tick that fires 1,000 of them filled and committed one by one as the worker does.
// Prints figures; asserts nothing. Run: `node --expose-gc --import tsx tests/bench/fills.ts [sqlite|postgres]`.
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const N = 100_000;
const USERS = 1_000;
const FIRED = 1_000;
const U = 100_000_000n;

async function seed(): Promise<void> {
  const { atomic } = await import("@/lib/atomic");
  const now = Date.now();
  const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(",");
  const perUser = N / USERS;
  // Each user: 100 SELL stop orders of 0.001 BTC locking 0.1 BTC; the first 1,000 orders stop at 89,000
  // (they fire at 88,000), the rest far below.
  const steps = [];
  for (let start = 0; start < USERS; start += 500) {
    const n = Math.min(500, USERS - start);
    steps.push({ sql: `INSERT INTO "User" ("id","email","passwordHash","name","age","country","phoneNo") VALUES ${rows(n, (i) => `('u${start + i}','u${start + i}@bench.local','x','Bench',30,'ES','+34 600')`)}` });
    steps.push({ sql: `INSERT INTO "Portfolio" ("id","userId","name","kind","startingBalance","createdAt") VALUES ${rows(n, (i) => `('u${start + i}','u${start + i}','Main','MAIN',0,0)`)}` });
    steps.push({ sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES ${rows(n, (i) => `('u${start + i}','BTC',0,${BigInt(perUser) * 100_000n}),('u${start + i}','USDT',${50_000n * U},0)`)}` });
  }
  for (let start = 0; start < N; start += 1000) {
    steps.push({
      sql: `INSERT INTO "Order" ("id","portfolioId","symbol","base","quote","side","type","status","amount","stopPrice","lockCoin","lockAmount","createdAt","updatedAt") VALUES ${rows(1000, (k) => {
        const i = start + k;
        const stop = i < FIRED ? 89_000n * U : (50_000n + BigInt(i % 30_000)) * U;
        return `('o${i}','u${i % USERS}','BTCUSDT','BTC','USDT','SELL','SL','OPEN',100000,${stop},'BTC',100000,${now + i},${now + i})`;
      })}`,
    });
  }
  await atomic(steps);
}

async function bench(kind: "sqlite" | "postgres"): Promise<void> {
  process.env.TEST_DB = kind;
  const db: TestDatabase = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    await seed();
    const { ArmedOrders } = await import("@/lib/market/armed-orders");
    const { fireOrder } = await import("@/lib/trading/fire-order");
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const armed = new ArmedOrders();
    let t = performance.now();
    const loaded = await armed.loadAll();
    const rearmMs = performance.now() - t;
    global.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;

    t = performance.now();
    const none = armed.take("BTCUSDT", 90_000n * U);
    const idleUs = (performance.now() - t) * 1000;

    t = performance.now();
    const fired = armed.take("BTCUSDT", 88_000n * U);
    const takeMs = performance.now() - t;
    let filled = 0;
    for (const order of fired) {
      const r = await fireOrder({ order, price: 88_000n * U, tradeId: "bench-1", tradeTime: Date.now() });
      if (r.outcome === "FILLED") filled++;
    }
    const fillMs = performance.now() - t;
    console.log(`\n${kind}: ${loaded.toLocaleString()} open stop orders`);
    console.log("| what | figure |");
    console.log("|---|---:|");
    console.log(`| re-arm all at start (query + index) | ${rearmMs.toFixed(0)} ms |`);
    console.log(`| heap of the armed orders | ${heapMb.toFixed(1)} MB |`);
    console.log(`| tick that fires nothing | ${idleUs.toFixed(1)} µs (${none.length} fired) |`);
    console.log(`| tick firing ${fired.length}: index | ${takeMs.toFixed(2)} ms |`);
    console.log(`| tick firing ${fired.length}: all filled and committed | ${fillMs.toFixed(0)} ms (${filled} filled) |`);
  } finally {
    const { disconnect } = await import("@/lib/db");
    await disconnect();
    await db.drop();
  }
}

// One database per process: the database is chosen once, when lib/env is first imported.
await bench(process.argv[2] === "postgres" ? "postgres" : "sqlite");
process.exit(0);
