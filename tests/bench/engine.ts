// The order engine with 100,000 open orders of mixed types on one pair (resting limits on both sides,
// stops, stop-limits, trailing stops waiting for activation and trailing, OCO pairs), each figure next to
// a baseline measured in the same run:
//   - a trade that fires nothing, p50/p99 (target < 1 ms p99)   vs a scan of every order per trade
//   - a trade that fires 1,000, all committed (target < 1 s)    vs 1,000 one-statement transactions
//   - new highs with 100,000 trailing stops (target < 1 ms)     vs a per-order watermark loop per trade
//   - re-arming all at start (target < 5 s)                     vs the bare query of the same rows
//   - memory of the armed orders (target < 200 MB)
// Prints figures; asserts nothing. Run: `node --expose-gc --import tsx tests/bench/engine.ts [sqlite|postgres]`.
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import type { OpenOrder } from "@/lib/trading/open-order";

const N = 100_000;
const USERS = 1_000;
const FIRED = 1_000;
const U = 100_000_000n;
const P = 90_000n * U; // the market price the book sits around
const FIRE_AT = P + 1_100n * U; // the trade that fires the 1,000
const AMOUNT = 100_000n; // 0.001 BTC
const QUIET_TICKS = 100_000;
const HIGH_TICKS = 10_000;

interface Row {
  id: string;
  user: number;
  side: "BUY" | "SELL";
  type: string;
  stop?: bigint;
  limit?: bigint;
  delta?: number;
  activation?: bigint;
  watermark?: bigint;
  oco?: string;
  /** the lock this row adds to its user's locked balance (an OCO's second leg shares the first's) */
  adds: boolean;
}

const lockOf = (r: Row): { coin: "BTC" | "USDT"; amount: bigint } =>
  r.side === "SELL" ? { coin: "BTC", amount: AMOUNT } : { coin: "USDT", amount: (AMOUNT * ((r.limit ?? r.stop ?? r.watermark ?? P) + 2_000n * U)) / U };

// 1,000 orders that the trade at FIRE_AT fires (six kinds), the rest spread where no test trade reaches.
function book(): Row[] {
  const rows: Row[] = [];
  let i = 0;
  const user = () => i % USERS;
  for (let k = 0; k < FIRED; k++, i++) {
    const band = P + (1_000n + BigInt(k % 100)) * U;
    const id = `f${k}`;
    switch (k % 6) {
      case 0: rows.push({ id, user: user(), side: "SELL", type: "L", limit: band, adds: true }); break;
      case 1: rows.push({ id, user: user(), side: "SELL", type: "TP", stop: band, adds: true }); break;
      case 2: rows.push({ id, user: user(), side: "BUY", type: "SL", stop: band, adds: true }); break;
      case 3: rows.push({ id, user: user(), side: "BUY", type: "SLL", stop: band, limit: band + 200n * U, adds: true }); break;
      case 4:
        rows.push({ id: `${id}.1`, user: user(), side: "SELL", type: "LM", limit: band, oco: id, adds: true });
        rows.push({ id: `${id}.2`, user: user(), side: "SELL", type: "SL", stop: P - 1_000n * U, oco: id, adds: false });
        break;
      default: rows.push({ id, user: user(), side: "BUY", type: "SL", delta: 60 + (k % 41), watermark: P - 100n * U, adds: true });
    }
  }
  for (let q = 0; rows.length < N; q++, i++) {
    const spread = BigInt(q % 20_000) * 10_000_000n; // 0.1 USDT steps over 2,000 USDT
    const up = P + 2_000n * U + spread;
    const down = P - 1_000n * U - spread;
    const id = `q${q}`;
    switch (q % 20) {
      case 0: case 10: rows.push({ id, user: user(), side: "BUY", type: "L", limit: P - 300n * U - spread, adds: true }); break;
      case 1: case 11: rows.push({ id, user: user(), side: "SELL", type: "L", limit: up, adds: true }); break;
      case 2: rows.push({ id, user: user(), side: "SELL", type: "SL", stop: down, adds: true }); break;
      case 3: rows.push({ id, user: user(), side: "SELL", type: "TP", stop: up, adds: true }); break;
      case 4: rows.push({ id, user: user(), side: "BUY", type: "SL", stop: up, adds: true }); break;
      case 5: rows.push({ id, user: user(), side: "BUY", type: "TP", stop: down, adds: true }); break;
      case 6: rows.push({ id, user: user(), side: "SELL", type: "SLL", stop: down, limit: down - 10n * U, adds: true }); break;
      case 7: rows.push({ id, user: user(), side: "BUY", type: "TPL", stop: down, limit: down + 10n * U, adds: true }); break;
      case 8: case 12: rows.push({ id, user: user(), side: "SELL", type: "TP", delta: 100 + (q % 191) * 10, activation: up, adds: true }); break;
      case 9: case 13: case 14: rows.push({ id, user: user(), side: "SELL", type: "SL", delta: 100 + (q % 191) * 10, watermark: P - BigInt(q % 1_000) * U, adds: true }); break;
      case 15: case 16: rows.push({ id, user: user(), side: "BUY", type: "SL", delta: 300 + (q % 171) * 10, watermark: P - 200n * U + BigInt(q % 1_000) * U, adds: true }); break;
      default:
        rows.push({ id: `${id}.1`, user: user(), side: "SELL", type: "LM", limit: up, oco: id, adds: true });
        if (rows.length < N) rows.push({ id: `${id}.2`, user: user(), side: "SELL", type: "SL", stop: down, oco: id, adds: false });
    }
  }
  return rows;
}

async function seed(rows: Row[]): Promise<void> {
  const { atomic } = await import("@/lib/atomic");
  const locked = new Map<string, bigint>();
  for (const r of rows) {
    if (!r.adds) continue;
    const l = lockOf(r);
    const key = `${r.user} ${l.coin}`;
    locked.set(key, (locked.get(key) ?? 0n) + l.amount);
  }
  const now = Date.now();
  const list = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(",");
  const sqlValue = (v: bigint | number | string | undefined) => (v === undefined ? "NULL" : typeof v === "string" ? `'${v}'` : String(v));
  const steps = [];
  for (let s = 0; s < USERS; s += 500) {
    const n = Math.min(500, USERS - s);
    steps.push({ sql: `INSERT INTO "User" ("id","email","passwordHash","name","age","country","phoneNo") VALUES ${list(n, (i) => `('u${s + i}','u${s + i}@bench.local','x','Bench',30,'ES','+34 600')`)}` });
    steps.push({ sql: `INSERT INTO "Portfolio" ("id","userId","name","kind","startingBalance","createdAt") VALUES ${list(n, (i) => `('u${s + i}','u${s + i}','Main','MAIN',0,0)`)}` });
    steps.push({
      sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES ${list(n, (i) => `('u${s + i}','BTC',${10n * U},${locked.get(`${s + i} BTC`) ?? 0n}),('u${s + i}','USDT',${1_000_000n * U},${locked.get(`${s + i} USDT`) ?? 0n})`)}`,
    });
  }
  for (let s = 0; s < rows.length; s += 1_000) {
    const chunk = rows.slice(s, s + 1_000);
    steps.push({
      sql: `INSERT INTO "Order" ("id","portfolioId","symbol","base","quote","side","type","status","amount","stopPrice","limitPrice","timeInForce","trailingDelta","activationPrice","watermark","ocoId","lockCoin","lockAmount","createdAt","updatedAt") VALUES ${chunk
        .map((r, k) => {
          const l = lockOf(r);
          const tif = r.limit !== undefined ? "GTC" : undefined;
          return `(${[r.id, `u${r.user}`, "BTCUSDT", "BTC", "USDT", r.side, r.type, "OPEN", AMOUNT, r.stop, r.limit, tif, r.delta, r.activation, r.watermark, r.oco, l.coin, l.amount, now + s + k, now + s + k].map(sqlValue).join(",")})`;
        })
        .join(",")}`,
    });
  }
  await atomic(steps);
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const heapMb = () => process.memoryUsage().heapUsed / 1048576;
const gc = () => {
  // twice, so that a heap figure carries none of the previous phase's garbage
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
};
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

// The baseline of "no per-order loop": every order looked at on every trade.
function scanAll(orders: OpenOrder[], armFires: (o: OpenOrder, price: bigint) => boolean, price: bigint): number {
  let n = 0;
  for (const o of orders) if (armFires(o, price)) n++;
  return n;
}

async function bench(kind: "sqlite" | "postgres"): Promise<void> {
  process.env.TEST_DB = kind;
  const db: TestDatabase = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const lines: string[] = [];
  const line = (what: string, figure: string, baseline: string, ratio: string, target: string) => lines.push(`| ${what} | ${figure} | ${baseline} | ${ratio} | ${target} |`);
  try {
    const rows = book();
    await seed(rows);
    const { ArmedOrders } = await import("@/lib/market/armed-orders");
    const { TrailingIndex } = await import("@/lib/market/trailing-index");
    const { fireOrder } = await import("@/lib/trading/fire-order");
    const { armOf, armFires } = await import("@/lib/trading/open-order");
    const { trailingFires, nextWatermark } = await import("@/lib/trading/trailing-stop");
    const { selectRows, atomic } = await import("@/lib/atomic");

    // Re-arm at start, next to the bare query of the same rows.
    let t = performance.now();
    const raw = await selectRows<{ id: string }>(`SELECT * FROM "Order" WHERE "status" = 'OPEN' AND "archived" = false ORDER BY "createdAt"`);
    const queryMs = performance.now() - t;
    gc();
    const heap0 = heapMb();
    const armed = new ArmedOrders();
    t = performance.now();
    const loaded = await armed.loadAll();
    const rearmMs = performance.now() - t;
    gc();
    const heapArmed = heapMb() - heap0;
    line(`re-arm ${loaded.toLocaleString("en")} open orders at start`, `${rearmMs.toFixed(0)} ms`, `${queryMs.toFixed(0)} ms (bare query, ${raw.length.toLocaleString("en")} rows)`, `${(rearmMs / queryMs).toFixed(2)}x`, "< 5 s");

    // The same orders as plain objects, for the per-order scan.
    const all: OpenOrder[] = rows.map((r) => ({
      id: r.id, portfolioId: `u${r.user}`, symbol: "BTCUSDT", side: r.side, type: r.type as OpenOrder["type"], amount: AMOUNT, lockCoin: r.side === "BUY" ? "USDT" : "BTC",
      stopPrice: r.stop ?? null, limitPrice: r.limit ?? null, trailingDelta: r.delta ?? null, activationPrice: r.activation ?? null,
      watermark: r.watermark ?? null, lockAmount: lockOf(r).amount, version: 0,
    }));
    const fires = (o: OpenOrder, price: bigint) => {
      const a = armOf(o);
      return a.kind === "trailing" ? trailingFires(o.side, a.watermark, a.delta, price) : armFires(a, price);
    };

    // Trades that fire nothing: 100,000 around the price (moving the trailing watermarks within the band).
    const quiet: number[] = [];
    let firedQuiet = 0;
    for (let i = 0; i < QUIET_TICKS; i++) {
      const price = P - 200n * U + BigInt((i * 7_919) % 40_000) * 1_000_000n;
      t = performance.now();
      firedQuiet += armed.take("BTCUSDT", price).length;
      quiet.push(performance.now() - t);
    }
    const scan: number[] = [];
    for (let i = 0; i < 200; i++) {
      t = performance.now();
      scanAll(all, fires, P + BigInt(i) * U / 100n);
      scan.push(performance.now() - t);
    }
    const activatedQuiet = armed.drainActivated().length;
    line(
      `trade that fires nothing (${QUIET_TICKS.toLocaleString("en")} trades; ${firedQuiet} fired, ${activatedQuiet} activated)`,
      `p50 ${us(quantile(quiet, 0.5))}, p99 ${us(quantile(quiet, 0.99))}`,
      `p50 ${us(quantile(scan, 0.5))} (scan of every order)`,
      `${(quantile(scan, 0.5) / quantile(quiet, 0.99)).toFixed(0)}x faster at p99`,
      "< 1 ms p99",
    );

    // One trade that fires 1,000; the worker fills them one by one, each in its own transaction.
    t = performance.now();
    const fired = armed.take("BTCUSDT", FIRE_AT);
    const takeMs = performance.now() - t;
    const outcomes: Record<string, number> = {};
    for (const order of fired) {
      const r = await fireOrder({ order, price: FIRE_AT, tradeId: "bench-fire", tradeTime: Date.now() });
      armed.settle(order, true);
      if (r.siblingId) armed.disarm(r.siblingId);
      outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    }
    const fireMs = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < fired.length; i++) await atomic([{ sql: `UPDATE "User" SET "age" = "age" WHERE "id" = ?`, params: [`u${i % USERS}`] }]);
    const floorMs = performance.now() - t;
    line(
      `trade that fires ${fired.length.toLocaleString("en")} (${Object.entries(outcomes).map(([k, v]) => `${v} ${k}`).join(", ")}), all committed`,
      `${fireMs.toFixed(0)} ms (index ${takeMs.toFixed(2)} ms)`,
      `${floorMs.toFixed(0)} ms (as many one-statement transactions)`,
      `${(fireMs / floorMs).toFixed(2)}x`,
      "< 1 s",
    );

    // New highs with 100,000 active trailing stops (mixed deltas, 1,000 distinct watermarks).
    const trails: OpenOrder[] = Array.from({ length: N }, (_, i) => ({
      id: `t${i}`, portfolioId: `u${i % USERS}`, symbol: "BTCUSDT", side: "SELL", type: "SL", amount: AMOUNT, stopPrice: null, lockCoin: "BTC",
      trailingDelta: 100 + (i % 191) * 10, watermark: P - BigInt(Math.floor(i / 100)) * U, lockAmount: AMOUNT, version: 0,
    }));
    let trailing: InstanceType<typeof TrailingIndex> | null = new TrailingIndex();
    for (const o of trails) trailing.upsert(o, o.watermark!);
    const highs: number[] = [];
    let firedHigh = 0;
    const t0 = performance.now();
    for (let i = 1; i <= HIGH_TICKS; i++) {
      t = performance.now();
      firedHigh += trailing.take(P + BigInt(i) * 1_000_000n).length;
      highs.push(performance.now() - t);
    }
    const highMean = (performance.now() - t0) / HIGH_TICKS;
    const marks = trails.map((o) => o.watermark!);
    const loops: number[] = [];
    let loopFired = 0;
    for (let i = 1; i <= 200; i++) {
      const price = P + BigInt(i) * 1_000_000n;
      t = performance.now();
      for (let k = 0; k < trails.length; k++) {
        const o = trails[k]!;
        marks[k] = nextWatermark("SELL", marks[k]!, price);
        if (trailingFires("SELL", marks[k]!, o.trailingDelta!, price)) loopFired++;
      }
      loops.push(performance.now() - t);
    }
    const loopMean = loops.reduce((a, b) => a + b, 0) / loops.length;
    if (loopFired) throw new Error("the per-order loop fired orders the index did not");
    line(
      `${HIGH_TICKS.toLocaleString("en")} new highs, ${N.toLocaleString("en")} active trailing stops (${firedHigh} fired)`,
      `amortised ${us(highMean)} (first ${us(highs[0] ?? 0)}, p50 ${us(quantile(highs, 0.5))}, p99 ${us(quantile(highs, 0.99))})`,
      `${us(loopMean)} (per-order watermark loop)`,
      `${(loopMean / highMean).toFixed(0)}x faster`,
      "< 1 ms amortised",
    );
    // What the trailing index retains beyond its orders: the heap with it, less the heap without it.
    gc();
    const withIndex = heapMb();
    trailing = null;
    gc();
    const heapTrailing = withIndex - heapMb();
    const rss = process.memoryUsage().rss / 1048576;
    line(
      "memory",
      `${heapArmed.toFixed(1)} MB heap: the armed book (orders + indexes); ${heapTrailing.toFixed(1)} MB: a trailing index of 100,000 (beyond its orders)`,
      `process RSS ${rss.toFixed(0)} MB (with this benchmark's own copies of the rows)`,
      "",
      "< 200 MB",
    );

    console.log(`\n${kind}: ${rows.length.toLocaleString("en")} open orders of mixed types on BTCUSDT (Node ${process.version})`);
    console.log("| what | figure | baseline in the same run | ratio | target |");
    console.log("|---|---|---|---|---|");
    for (const l of lines) console.log(l);
  } finally {
    const { disconnect } = await import("@/lib/db");
    await disconnect();
    await db.drop();
  }
}

// One database per process: the database is chosen once, when lib/env is first imported.
await bench(process.argv[2] === "postgres" ? "postgres" : "sqlite");
process.exit(0);
