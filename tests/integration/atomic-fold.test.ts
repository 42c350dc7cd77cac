// The money path's unit of work on a real database (SQLite and PostgreSQL alike): folded steps (one
// statement on PostgreSQL) keep every guard, roll back every step when one fails, report the first failed
// guard's error in step order, return RETURNING rows, and two steps on the same row both take effect.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { atomicDatabase, type AtomicDatabase } from "../support/atomic-database";
import type { Step } from "@/lib/atomic";

let money: AtomicDatabase;
const atomic = (steps: readonly Step[]) => money.atomic(steps);
const selectRows = <T>(sql: string, params?: readonly unknown[]) => money.selectRows<T>(sql, params);

beforeAll(async () => {
  money = await atomicDatabase("u1");
});

afterAll(async () => {
  await money.close();
});

beforeEach(async () => {
  await atomic([
    { sql: `DELETE FROM "Balance" WHERE "portfolioId" = 'u1'` },
    { sql: `DELETE FROM "LedgerEntry" WHERE "portfolioId" = 'u1'` },
    { sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES ('u1','BTC',100,0),('u1','USDT',1000,0)` },
  ]);
});

class Short extends Error {}
class Duplicate extends Error {}

const debit = (coin: string, amount: number, error: () => Error = () => new Short(coin)): Step => ({
  sql: `UPDATE "Balance" SET "free" = "free" - ? WHERE "portfolioId" = 'u1' AND "coin" = ? AND "free" >= ?`,
  params: [BigInt(amount), coin, BigInt(amount)],
  expect: { rows: 1, error },
  fold: { row: `Balance u1 ${coin}` },
});
const ledger = (coin: string, amount: number): Step => ({
  sql: `INSERT INTO "LedgerEntry" ("portfolioId","coin","kind","deltaFree","deltaLocked","createdAt") VALUES ('u1',?,'TRADE',?,0,?) RETURNING "id", "coin"`,
  params: [coin, BigInt(-amount), BigInt(Date.now())],
  fold: {},
});
const balances = async () =>
  Object.fromEntries((await selectRows<{ coin: string; free: unknown }>(`SELECT "coin", "free" FROM "Balance" WHERE "portfolioId" = 'u1'`)).map((r) => [r.coin, Number(r.free)]));
const ledgerRows = async () => Number((await selectRows<{ n: unknown }>(`SELECT COUNT(*) AS n FROM "LedgerEntry" WHERE "portfolioId" = 'u1'`))[0]!.n);

describe("atomic()", () => {
  it("applies every step and returns the rows each changed and the RETURNING row", async () => {
    let row: Record<string, unknown> | undefined;
    const changed = await atomic([debit("BTC", 10), debit("USDT", 100), { ...ledger("USDT", 100), onRow: (r) => (row = r) }]);
    expect(changed).toEqual([1, 1, 1]);
    expect(await balances()).toEqual({ BTC: 90, USDT: 900 });
    expect(row?.coin).toBe("USDT");
    expect(await ledgerRows()).toBe(1);
  });

  it("rolls back every step when a later guard fails, and throws that step's error", async () => {
    await expect(atomic([debit("BTC", 10), ledger("BTC", 10), debit("USDT", 5000)])).rejects.toThrow(new Short("USDT"));
    expect(await balances()).toEqual({ BTC: 100, USDT: 1000 });
    expect(await ledgerRows()).toBe(0);
  });

  it("reports the first failed guard in step order, before later steps run", async () => {
    const dup = { ...debit("BTC", 1, () => new Duplicate()), expect: { rows: 0, error: () => new Duplicate() } };
    await expect(atomic([debit("USDT", 5000), dup])).rejects.toThrow(Short);
    await expect(atomic([debit("USDT", 10), dup, debit("BTC", 1000)])).rejects.toThrow(Duplicate);
    expect(await balances()).toEqual({ BTC: 100, USDT: 1000 });
  });

  it("applies both of two steps that change the same row, in order", async () => {
    // The second debit's guard must see the first one's result (two statements, not one).
    await expect(atomic([debit("BTC", 60), debit("BTC", 60)])).rejects.toThrow(Short);
    expect(await atomic([debit("BTC", 40), debit("BTC", 60)])).toEqual([1, 1]);
    expect(await balances()).toEqual({ BTC: 0, USDT: 1000 });
  });

  it("folds a unit with an unfolded step in the middle (run in one transaction)", async () => {
    const plain: Step = { sql: `UPDATE "Balance" SET "locked" = "locked" + 1 WHERE "portfolioId" = 'u1' AND "coin" = 'BTC'` };
    await expect(atomic([debit("USDT", 1), plain, debit("BTC", 1), debit("USDT", 5000)])).rejects.toThrow(Short);
    expect(await balances()).toEqual({ BTC: 100, USDT: 1000 });
    expect(await atomic([debit("USDT", 1), plain, debit("BTC", 1), ledger("BTC", 1)])).toEqual([1, 1, 1, 1]);
    expect(await balances()).toEqual({ BTC: 99, USDT: 999 });
  });

  it("never overdraws under 50 concurrent folded debits", async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => atomic([debit("USDT", 100), ledger("USDT", 100)])));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof Short)).toHaveLength(40);
    expect(await balances()).toEqual({ BTC: 100, USDT: 0 });
    expect(await ledgerRows()).toBe(10);
  });
});
