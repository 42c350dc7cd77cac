// The worker's batched fills (lib/trading/fire-orders.ts) on a real database, SQLite and PostgreSQL: the fills
// of one trade are committed several per transaction, yet each order ends exactly once with the outcome it
// would have had filled alone in firing order. Orders cancelled after the trade fired them (before or while
// their chunk commits) stay cancelled and the rest of their chunk fills; every lock is released once; the
// ledger explains every balance; a chunk refused for want of funds is filled one by one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import type { Fired } from "@/lib/trading/fire-orders";
import type { OpenOrder } from "@/lib/trading/open-order";

let db: TestDatabase;
let lib: {
  atomic: typeof import("@/lib/atomic").atomic;
  selectRows: typeof import("@/lib/atomic").selectRows;
  fireOrders: typeof import("@/lib/trading/fire-orders").fireOrders;
  cancelOrder: typeof import("@/lib/trading/cancel-order").cancelOrder;
  disconnect: typeof import("@/lib/db").disconnect;
};

const U = 100_000_000n;
const PRICE = 90_000n * U; // the firing trade
const AMOUNT = 1_000_000n; // 0.01 BTC
const USERS = 6;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const [a, f, c, d] = await Promise.all([import("@/lib/atomic"), import("@/lib/trading/fire-orders"), import("@/lib/trading/cancel-order"), import("@/lib/db")]);
  lib = { atomic: a.atomic, selectRows: a.selectRows, fireOrders: f.fireOrders, cancelOrder: c.cancelOrder, disconnect: d.disconnect };
}, 120_000);

afterAll(async () => {
  await lib?.disconnect();
  await db?.drop();
});

const now = () => BigInt(Date.now());
const ledgerRow = (user: string, coin: string, kind: string, free: bigint, locked: bigint, orderId: string | null) => ({
  sql: `INSERT INTO "LedgerEntry" ("portfolioId","coin","kind","deltaFree","deltaLocked","orderId","createdAt") VALUES (?,?,?,?,?,?,?)`,
  params: [user, coin, kind, free, locked, orderId, now()],
});

// A fresh group of users (so that each case checks only its own rows), with their opening ledger rows.
async function users(prefix: string, usdt = 1_000_000n * U, btc = 10n * U): Promise<string[]> {
  const ids = Array.from({ length: USERS }, (_, i) => `${prefix}-u${i}`);
  await lib.atomic(
    ids.flatMap((id) => [
      { sql: `INSERT INTO "User" ("id","email","passwordHash","name","age","country","phoneNo") VALUES (?,?,'x','T',30,'ES','+34 600')`, params: [id, `${id}@t.local`] },
      { sql: `INSERT INTO "Portfolio" ("id","userId","name","kind","startingBalance","createdAt") VALUES (?,?,'Main','MAIN',0,0)`, params: [id, id] },
      { sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES (?,'BTC',?,0),(?,'USDT',?,0)`, params: [id, btc, id, usdt] },
      ledgerRow(id, "BTC", "GRANT", btc, 0n, null),
      ledgerRow(id, "USDT", "GRANT", usdt, 0n, null),
    ]),
  );
  return ids;
}

type Kind = "sell-limit" | "buy-stop" | "oco";

// An open order as placement leaves it: its lock moved from free to locked with a LOCK ledger row. Returns
// the order as the worker holds it (the OCO's limit leg, the one this trade fires).
async function place(user: string, kind: Kind, lock?: bigint): Promise<OpenOrder> {
  const base = `o${++seq}`;
  const id = kind === "oco" ? `${base}.1` : base;
  const sell = kind !== "buy-stop";
  const coin = sell ? "BTC" : "USDT";
  const lockAmount = lock ?? (sell ? AMOUNT : (AMOUNT * 95_000n * U) / U);
  const t = now();
  const row = (oid: string, type: string, stop: bigint | null, limit: bigint | null, ocoId: string | null) => ({
    sql: `INSERT INTO "Order" ("id","portfolioId","symbol","base","quote","side","type","status","amount","stopPrice","limitPrice","timeInForce","ocoId","lockCoin","lockAmount","createdAt","updatedAt")
          VALUES (?,?,'BTCUSDT','BTC','USDT',?,?,'OPEN',?,?,?,?,?,?,?,?,?)`,
    params: [oid, user, sell ? "SELL" : "BUY", type, AMOUNT, stop, limit, limit === null ? null : "GTC", ocoId, coin, lockAmount, t, t],
  });
  const rows =
    kind === "sell-limit"
      ? [row(id, "L", null, 89_000n * U, null)]
      : kind === "buy-stop"
        ? [row(id, "SL", 89_000n * U, null, null)]
        : [row(`${base}.1`, "LM", null, 89_500n * U, base), row(`${base}.2`, "SL", 80_000n * U, null, base)];
  await lib.atomic([
    ...rows,
    { sql: `UPDATE "Balance" SET "free" = "free" - ?, "locked" = "locked" + ? WHERE "portfolioId" = ? AND "coin" = ?`, params: [lockAmount, lockAmount, user, coin] },
    ledgerRow(user, coin, "LOCK", -lockAmount, lockAmount, id),
  ]);
  return {
    id, portfolioId: user, symbol: "BTCUSDT", side: sell ? "SELL" : "BUY", type: kind === "sell-limit" ? "L" : kind === "oco" ? "LM" : "SL", amount: AMOUNT,
    stopPrice: kind === "buy-stop" ? 89_000n * U : null, limitPrice: kind === "sell-limit" ? 89_000n * U : kind === "oco" ? 89_500n * U : null,
    timeInForce: kind === "buy-stop" ? null : "GTC", ocoId: kind === "oco" ? base : null, lockCoin: coin, lockAmount, version: 0,
  };
}

// Sets a free balance, with the ledger row that explains the change.
async function setFree(user: string, coin: string, amount: bigint) {
  const [row] = await lib.selectRows<{ free: unknown }>(`SELECT "free" FROM "Balance" WHERE "portfolioId" = ? AND "coin" = ?`, [user, coin]);
  const delta = amount - BigInt(row!.free as string | number);
  await lib.atomic([
    { sql: `UPDATE "Balance" SET "free" = ? WHERE "portfolioId" = ? AND "coin" = ?`, params: [amount, user, coin] },
    ledgerRow(user, coin, "TRADE", delta, 0n, null),
  ]);
}

const kinds: Kind[] = ["sell-limit", "buy-stop", "oco"];
const book = (ids: string[], n: number) => Promise.all(Array.from({ length: n }, (_, i) => place(ids[i % ids.length]!, kinds[i % kinds.length]!)));

const chunks: string[] = [];

async function fire(orders: OpenOrder[], chunk?: number, onEach?: (orderId: string) => void): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  chunks.length = 0;
  const onFired = (f: Fired) => {
    outcomes.set(f.order.id, "result" in f ? f.result.outcome : `ERROR ${String(f.error)}`);
    onEach?.(f.order.id);
  };
  const onChunk = (c: { size: number; outcome: string; error?: unknown }) => chunks.push(`${c.size} ${c.outcome}${c.error instanceof Error ? ` ${c.error.message}` : ""}`);
  const left = await lib.fireOrders({ orders, price: PRICE, tradeId: `t${++seq}`, tradeTime: Date.now(), onFired, onChunk, chunk });
  expect(left).toEqual([]);
  return outcomes;
}

const statuses = async (ids: string[]) =>
  new Map(
    (await lib.selectRows<{ id: string; status: string }>(`SELECT "id", "status" FROM "Order" WHERE "portfolioId" IN (${ids.map(() => "?").join(",")})`, ids)).map((r) => [r.id, r.status]),
  );

// The ledger explains every balance, no balance is negative, each order's lock was taken once and released at
// most once (exactly once when it is closed; an OCO's pair holds one lock), and what is still locked is the
// locks of the open orders.
async function expectConsistent(ids: string[]) {
  const list = ids.map(() => "?").join(",");
  const balances = await lib.selectRows<{ portfolioId: string; coin: string; free: unknown; locked: unknown; lf: unknown; ll: unknown }>(
    `SELECT b."portfolioId", b."coin", b."free", b."locked", (SELECT SUM("deltaFree") FROM "LedgerEntry" l WHERE l."portfolioId" = b."portfolioId" AND l."coin" = b."coin") AS lf,
            (SELECT SUM("deltaLocked") FROM "LedgerEntry" l WHERE l."portfolioId" = b."portfolioId" AND l."coin" = b."coin") AS ll
     FROM "Balance" b WHERE b."portfolioId" IN (${list})`,
    ids,
  );
  const orders = await lib.selectRows<{ id: string; portfolioId: string; status: string; lockCoin: string; lockAmount: unknown; ocoId: string | null }>(
    `SELECT "id", "portfolioId", "status", "lockCoin", "lockAmount", "ocoId" FROM "Order" WHERE "portfolioId" IN (${list})`,
    ids,
  );
  const unlocks = await lib.selectRows<{ orderId: string; n: unknown }>(
    `SELECT "orderId", COUNT(*) AS n FROM "LedgerEntry" WHERE "kind" = 'UNLOCK' AND "portfolioId" IN (${list}) GROUP BY "orderId"`,
    ids,
  );
  const unlocked = new Map(unlocks.map((u) => [u.orderId, Number(u.n)]));
  const openLocks = new Map<string, bigint>();
  const groups = new Map<string, typeof orders>();
  for (const o of orders) groups.set(o.ocoId ?? o.id, [...(groups.get(o.ocoId ?? o.id) ?? []), o]);
  for (const legs of groups.values()) {
    const released = legs.reduce((n, o) => n + (unlocked.get(o.id) ?? 0), 0);
    const open = legs.every((o) => o.status === "OPEN");
    expect(released, `locks released by ${legs.map((o) => `${o.id} ${o.status}`).join(", ")}`).toBe(open ? 0 : 1);
    if (open) {
      const key = `${legs[0]!.portfolioId} ${legs[0]!.lockCoin}`;
      openLocks.set(key, (openLocks.get(key) ?? 0n) + BigInt(legs[0]!.lockAmount as string | number));
    }
  }
  for (const b of balances) {
    expect(BigInt(b.free as string | number), `${b.portfolioId} ${b.coin} free`).toBe(BigInt(b.lf as string | number));
    expect(BigInt(b.locked as string | number), `${b.portfolioId} ${b.coin} locked`).toBe(BigInt(b.ll as string | number));
    expect(BigInt(b.free as string | number) >= 0n).toBe(true);
    expect(BigInt(b.locked as string | number), `${b.portfolioId} ${b.coin} locked by open orders`).toBe(openLocks.get(`${b.portfolioId} ${b.coin}`) ?? 0n);
  }
}

describe("fired orders committed several per transaction", () => {
  it("fills every order once, in chunks, with the OCO siblings expired and the ledger explaining every balance", async () => {
    const ids = await users("all");
    const orders = await book(ids, 520);
    const outcomes = await fire(orders); // FILL_CHUNK, 250
    expect(chunks).toEqual(["250 committed", "250 committed", "20 committed"]);
    expect([...outcomes.keys()]).toEqual(orders.map((o) => o.id)); // reported in firing order
    expect(new Set(outcomes.values())).toEqual(new Set(["FILLED"]));
    const st = await statuses(ids);
    for (const o of orders) {
      expect(st.get(o.id)).toBe("FILLED");
      if (o.ocoId) expect(st.get(`${o.ocoId}.2`)).toBe("EXPIRED");
    }
    await expectConsistent(ids);
    const fees = await lib.selectRows<{ n: unknown }>(`SELECT COUNT(*) AS n FROM "LedgerEntry" WHERE "kind" = 'FEE' AND "portfolioId" LIKE 'all-%'`);
    expect(Number(fees[0]!.n)).toBe(520);
  });

  it("leaves the orders cancelled after the trade fired them cancelled, and fills the rest of their chunks", async () => {
    const ids = await users("stale");
    const orders = await book(ids, 120);
    const cancelled = orders.filter((_, i) => i % 7 === 3);
    for (const o of cancelled) await lib.cancelOrder({ portfolioId: o.portfolioId, orderId: o.id });
    const outcomes = await fire(orders, 50);
    expect(chunks).toEqual(["50 refused", "50 refused", "20 refused"]); // each then filled one by one
    const st = await statuses(ids);
    for (const o of orders) {
      const gone = cancelled.includes(o);
      expect(outcomes.get(o.id), o.id).toBe(gone ? "GONE" : "FILLED");
      expect(st.get(o.id), o.id).toBe(gone ? "CANCELLED" : "FILLED");
      if (o.ocoId) expect(st.get(`${o.ocoId}.2`)).toBe(gone ? "CANCELLED" : "EXPIRED");
    }
    await expectConsistent(ids);
  });

  it("settles cancels racing the chunks: each order ends once, FILLED or CANCELLED, its lock released once", async () => {
    const won = { fill: 0, cancel: 0 };
    for (let round = 0; round < 4; round++) {
      const ids = await users(`race${round}`);
      const orders = await book(ids, 150);
      const targets = orders.filter((_, i) => (i * 13 + round) % 4 === 0);
      const cancels = new Map<string, boolean>();
      // A third of the cancels start with the trade, a third once the first order is settled (so that on
      // SQLite, where a chunk never interleaves with anything, some cancels meet chunks still to come), and a
      // third once their own order is settled (they must lose: nothing is released twice).
      let firstSettled!: () => void;
      const first = new Promise<void>((r) => (firstSettled = r));
      const settled = new Map<string, () => void>();
      const ownSettled = new Map(targets.map((o) => [o.id, new Promise<void>((r) => settled.set(o.id, r))]));
      const fired = fire(orders, 40, (id) => {
        firstSettled();
        settled.get(id)?.();
      });
      await Promise.all(
        targets.map(async (o, k) => {
          if (k % 3 === 1) await first;
          if (k % 3 === 2) await ownSettled.get(o.id);
          const ok = await lib.cancelOrder({ portfolioId: o.portfolioId, orderId: o.id }).then(() => true, (e: unknown) => {
            if ((e as { code?: string }).code !== "ORDER_NOT_FOUND") throw e;
            return false;
          });
          cancels.set(o.id, ok);
        }),
      );
      const outcomes = await fired;
      const st = await statuses(ids);
      for (const o of orders) {
        const outcome = outcomes.get(o.id);
        expect(["FILLED", "GONE"]).toContain(outcome);
        expect(st.get(o.id), o.id).toBe(outcome === "FILLED" ? "FILLED" : "CANCELLED");
        if (cancels.has(o.id)) {
          expect(cancels.get(o.id), o.id).toBe(outcome === "GONE");
          won[outcome === "GONE" ? "cancel" : "fill"]++;
        } else expect(outcome).toBe("FILLED");
      }
      await expectConsistent(ids);
    }
    console.log(`cancels racing the chunks: ${won.cancel} cancels won, ${won.fill} lost to the fill`);
    expect(won.cancel).toBeGreaterThan(0);
    expect(won.fill).toBeGreaterThan(0);
  });

  it("fills a chunk refused for want of funds one by one: the short order is REJECTED, the others fill", async () => {
    const ids = await users("short");
    // Each BUY stop locked at its stop price without the fee: filled at the trade it needs more than its lock,
    // and its owner has no free USDT. A SELL earlier in the sequence pays its owner enough; one later does not.
    const [seller, buyer] = [ids[0]!, ids[1]!];
    const lock = (AMOUNT * 89_000n * U) / U;
    const early = [await place(ids[2]!, "sell-limit"), await place(ids[3]!, "oco")];
    const rich = await place(seller, "sell-limit"); // pays `seller` ~889 USDT before its BUY
    const covered = await place(seller, "buy-stop", lock);
    const short = await place(buyer, "buy-stop", lock);
    const late = await place(buyer, "sell-limit"); // pays `buyer`, but after its BUY
    await setFree(seller, "USDT", 0n);
    await setFree(buyer, "USDT", 0n);
    const orders = [...early, rich, covered, short, late];
    const outcomes = await fire(orders, 100);
    expect(chunks).toEqual(["6 refused"]);
    expect(orders.map((o) => outcomes.get(o.id))).toEqual(["FILLED", "FILLED", "FILLED", "FILLED", "REJECTED", "FILLED"]);
    const st = await statuses(ids);
    expect(st.get(short.id)).toBe("REJECTED");
    expect(st.get(covered.id)).toBe("FILLED");
    await expectConsistent(ids);
  });

  it("keeps a competition's rules in a chunk: its fee rate, and an order past its end expiring in its place", async () => {
    const ids = await users("contest");
    const orders = await book(ids, 9);
    const ended = { ...orders[4]!, expiresAt: Date.now() - 1_000 };
    const feeFree = { ...orders[6]!, feeRate: 0n };
    const fired = orders.map((o, i) => (i === 4 ? ended : i === 6 ? feeFree : o));
    const outcomes = await fire(fired, 100);
    expect(chunks).toEqual(["4 committed", "4 committed"]);
    expect(fired.map((o) => outcomes.get(o.id))).toEqual(["FILLED", "FILLED", "FILLED", "FILLED", "EXPIRED", "FILLED", "FILLED", "FILLED", "FILLED"]);
    const [row] = await lib.selectRows<{ fee: unknown }>(`SELECT "fee" FROM "Order" WHERE "id" = ?`, [feeFree.id]);
    expect(Number(row!.fee)).toBe(0);
    await expectConsistent(ids);
  });

  it("stops where the worker says so (lease lost, price stale): the orders not yet fired come back still open", async () => {
    const ids = await users("stop");
    const orders = await book(ids, 30);
    let committed = 0;
    const fired: string[] = [];
    const left = await lib.fireOrders({
      orders, price: PRICE, tradeId: `t${++seq}`, chunk: 10,
      proceed: () => committed < 1,
      onChunk: (c) => (committed += c.outcome === "committed" ? 1 : 0),
      onFired: (f) => fired.push(f.order.id),
    });
    expect(fired).toEqual(orders.slice(0, 10).map((o) => o.id));
    expect(left.map((o) => o.id)).toEqual(orders.slice(10).map((o) => o.id));
    const st = await statuses(ids);
    for (const o of orders) expect(st.get(o.id)).toBe(fired.includes(o.id) ? "FILLED" : "OPEN");
    await expectConsistent(ids);
  });

  it("gives each order the outcome it gets filled alone, whatever the chunk size", async () => {
    const results: string[][] = [];
    for (const chunk of [1, 3, 100]) {
      const ids = await users(`same${chunk}`);
      const lock = (AMOUNT * 89_000n * U) / U;
      const orders: OpenOrder[] = [];
      for (let i = 0; i < 40; i++) orders.push(await place(ids[i % USERS]!, i % 4 === 1 ? "buy-stop" : kinds[i % 3]!, i % 4 === 1 ? lock : undefined));
      // 5 USDT free each: a BUY stop locked at its stop price fills only after a SELL of its owner paid it.
      for (const id of ids) await setFree(id, "USDT", 5n * U);
      const outcomes = await fire(orders, chunk);
      results.push(orders.map((o) => outcomes.get(o.id)!));
      await expectConsistent(ids);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]).toContain("FILLED");
    expect(results[0]).toContain("REJECTED");
  });
});
