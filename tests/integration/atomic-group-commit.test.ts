// Units of work submitted together (one turn of the event loop: on SQLite they share one commit, see
// lib/atomic-sqlite.ts) behave as if run one by one, on both databases: a unit whose guard fails or whose
// statement throws is rolled back alone with its own error, the others commit, the balance never goes below
// zero, and every ledger row belongs to a committed unit. On SQLite "one by one" is in submission order; on
// PostgreSQL concurrent units take the row lock in whatever order their connections get it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { atomicDatabase, type AtomicDatabase } from "../support/atomic-database";
import type { Step } from "@/lib/atomic";

let money: AtomicDatabase;
const atomic = (steps: readonly Step[]) => money.atomic(steps);
const selectRows = <T>(sql: string, params?: readonly unknown[]) => money.selectRows<T>(sql, params);

beforeAll(async () => {
  money = await atomicDatabase("g1");
});

afterAll(async () => {
  await money.close();
});

beforeEach(async () => {
  await atomic([
    { sql: `DELETE FROM "Balance" WHERE "portfolioId" = 'g1'` },
    { sql: `DELETE FROM "LedgerEntry" WHERE "portfolioId" = 'g1'` },
    { sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES ('g1','USDT',1000,0)` },
  ]);
});

class Short extends Error {}

// A debit of the free USDT with its ledger row (the row first: a refused guard must take it back too).
const spend = (amount: number, tag: string): Step[] => [
  {
    sql: `INSERT INTO "LedgerEntry" ("portfolioId","coin","kind","deltaFree","deltaLocked","orderId","createdAt") VALUES ('g1','USDT','TRADE',?,0,?,?)`,
    params: [BigInt(-amount), tag, BigInt(Date.now())],
    fold: {},
  },
  {
    sql: `UPDATE "Balance" SET "free" = "free" - ? WHERE "portfolioId" = 'g1' AND "coin" = 'USDT' AND "free" >= ?`,
    params: [BigInt(amount), BigInt(amount)],
    expect: { rows: 1, error: () => new Short(tag) },
  },
];
const free = async () => Number((await selectRows<{ free: unknown }>(`SELECT "free" FROM "Balance" WHERE "portfolioId" = 'g1' AND "coin" = 'USDT'`))[0]!.free);
const ledgerTags = async () => (await selectRows<{ orderId: string }>(`SELECT "orderId" FROM "LedgerEntry" WHERE "portfolioId" = 'g1' ORDER BY "id"`)).map((r) => r.orderId).sort();

describe("units of work submitted together", () => {
  it("commit the ones that fit (SQLite: in submission order) and refuse the rest with their own errors", async () => {
    // 1000 free: 400 + 400 fit, the third 400 does not, the 200 after it still fits.
    const tags = ["a", "b", "c", "d"];
    const results = await Promise.allSettled([spend(400, "a"), spend(400, "b"), spend(400, "c"), spend(200, "d")].map((s) => atomic(s)));
    // In any order exactly one of the three 400s finds too little left, and the 200 always fits.
    const refused = results.flatMap((r, i) => (r.status === "rejected" ? [{ tag: tags[i]!, reason: r.reason as unknown }] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(Short);
    expect((refused[0]!.reason as Error).message).toBe(refused[0]!.tag);
    expect(refused[0]!.tag).not.toBe("d");
    if (!money.db.url.startsWith("postgres")) expect(refused[0]!.tag).toBe("c"); // one by one in submission order
    expect(await free()).toBe(0);
    expect(await ledgerTags()).toEqual(tags.filter((t) => t !== refused[0]!.tag));
  });

  it("keep the others when one unit's statement throws (a constraint, not a guard)", async () => {
    const broken: Step[] = [{ sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES ('g1','USDT',5,0)` }]; // primary key taken
    const results = await Promise.allSettled([atomic(spend(100, "a")), atomic(broken), atomic(spend(100, "b"))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await free()).toBe(800);
    expect(await ledgerTags()).toEqual(["a", "b"]);
  });

  it("never overdraw under a burst of 200 spends, and the ledger explains the balance", async () => {
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => atomic(spend(7, `s${i}`))));
    const done = results.filter((r) => r.status === "fulfilled").length;
    expect(done).toBe(Math.floor(1000 / 7));
    expect(results.filter((r) => r.status === "rejected").every((r) => (r).reason instanceof Short)).toBe(true);
    expect(await free()).toBe(1000 - 7 * done);
    expect((await ledgerTags()).length).toBe(done);
  });
});
