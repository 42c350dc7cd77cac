// Builds the SQL steps of balance changes, each with its ledger row, so that the ledger always explains
// the balance: sum(deltaFree) = free and sum(deltaLocked) = locked for every user and coin. The one module
// that writes Balance and LedgerEntry rows: trades, fees, locks, the opening grant and the account reset.
// Rows are touched in coin order so that concurrent transactions of one user never deadlock (PostgreSQL).
import type { Step } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { COINS, QUOTE_COIN, STARTING_BALANCE } from "@/lib/markets";
import { formatUnits } from "@/lib/money";
import { MAX_BALANCE } from "./amount-bounds";

const abs = (v: bigint) => (v < 0n ? -v : v);

export type LedgerKind = "TRADE" | "FEE" | "LOCK" | "UNLOCK" | "RESET" | "GRANT";

export interface BalanceChange {
  coin: string;
  /** change of the free balance */
  free: bigint;
  /** change of the locked (fixed) balance */
  locked: bigint;
  /** ledger rows explaining the change; their deltas must add up to free/locked */
  entries: { kind: LedgerKind; free: bigint; locked: bigint }[];
}

export const insufficient = (coin: string, need?: bigint) => () =>
  new DomainError(
    "INSUFFICIENT_BALANCE",
    need === undefined ? `Not enough ${coin}.` : `Not enough ${coin}: this needs ${formatUnits(need)} ${coin} free.`,
  );

export const balanceLimit = (coin: string) => () =>
  new DomainError("BALANCE_LIMIT", `A balance may hold at most ${formatUnits(MAX_BALANCE)} ${coin}; this would pass it.`);

// A change that takes from the free balance fails for want of funds; one that adds to the holding fails at
// the ceiling (moving funds between free and locked never does).
const defaultOnShort = (coin: string, c: BalanceChange) =>
  c.free < 0n ? insufficient(coin, -c.free) : c.free + c.locked > 0n ? balanceLimit(coin) : insufficient(coin);

/**
 * One guarded UPDATE per coin, then the ledger rows. The guard keeps free and locked >= 0 and their sum
 * <= MAX_BALANCE after the change. Its bounds are computed here ("free" >= -d, "free" + "locked" <= MAX - d):
 * with the sum held under MAX_BALANCE (far below int64's end) no expression can overflow on either database.
 * A refused guard rolls the transaction back with `onShort`.
 */
export function balanceSteps(
  portfolioId: string,
  orderId: string | null,
  changes: BalanceChange[],
  now: number,
  onShort: (coin: string, change: BalanceChange) => () => Error = defaultOnShort,
): Step[] {
  // code-point order (coins are upper-case ASCII, so the same as SQL's ORDER BY "coin"); localeCompare costs µs
  const sorted = [...changes].sort((a, b) => (a.coin < b.coin ? -1 : a.coin > b.coin ? 1 : 0));
  for (const c of sorted) {
    // Beyond the ceiling either way: refused before any SQL (the bounds below would leave int64).
    if (abs(c.free) > MAX_BALANCE || abs(c.locked) > MAX_BALANCE || abs(c.free + c.locked) > MAX_BALANCE) throw onShort(c.coin, c)();
  }
  const updates: Step[] = sorted.map((c) => ({
    sql: `UPDATE "Balance" SET "free" = "free" + ?, "locked" = "locked" + ? WHERE "portfolioId" = ? AND "coin" = ? AND "free" >= ? AND "locked" >= ? AND "free" + "locked" <= ?`,
    params: [c.free, c.locked, portfolioId, c.coin, -c.free, -c.locked, MAX_BALANCE - c.free - c.locked],
    expect: { rows: 1, error: onShort(c.coin, c) },
    fold: { row: `Balance ${portfolioId} ${c.coin}` },
  }));
  const ledger: Step[] = sorted.flatMap((c) =>
    c.entries
      .filter((e) => e.free !== 0n || e.locked !== 0n)
      .map((e) => ({
        sql: `INSERT INTO "LedgerEntry" ("portfolioId","coin","kind","deltaFree","deltaLocked","orderId","createdAt") VALUES (?,?,?,?,?,?,?)`,
        params: [portfolioId, c.coin, e.kind, e.free, e.locked, orderId, BigInt(now)],
        fold: {},
      })),
  );
  return [...updates, ...ledger];
}

/** A change of the free balance only, with one ledger row. */
export function freeChange(coin: string, kind: LedgerKind, amount: bigint): BalanceChange {
  return { coin, free: amount, locked: 0n, entries: [{ kind, free: amount, locked: 0n }] };
}

/** Merges changes of the same coin (a BUY's cost and fee, say) into one row update. */
export function mergeChanges(changes: BalanceChange[]): BalanceChange[] {
  const byCoin = new Map<string, BalanceChange>();
  for (const c of changes) {
    const prev = byCoin.get(c.coin);
    if (!prev) byCoin.set(c.coin, { ...c, entries: [...c.entries] });
    else byCoin.set(c.coin, { coin: c.coin, free: prev.free + c.free, locked: prev.locked + c.locked, entries: [...prev.entries, ...c.entries] });
  }
  return [...byCoin.values()];
}

/** A new account's balance rows: the starting balance of the quote coin (one GRANT ledger row), 0 of the rest. */
export function openingBalanceSteps(portfolioId: string, now: number, startingBalance: bigint = STARTING_BALANCE): Step[] {
  return [
    ...COINS.map((coin) => ({
      sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES (?,?,?,0)`,
      params: [portfolioId, coin, coin === QUOTE_COIN ? startingBalance : 0n],
    })),
    {
      sql: `INSERT INTO "LedgerEntry" ("portfolioId","coin","kind","deltaFree","deltaLocked","orderId","createdAt") VALUES (?,?,'GRANT',?,0,NULL,?)`,
      params: [portfolioId, QUOTE_COIN, startingBalance, BigInt(now)],
    },
  ];
}

/**
 * Every balance of the user back to the opening one, each with a RESET ledger row for what it overwrites
 * (locks included: the caller has cancelled the open orders in the same transaction, before these steps,
 * so the row locks follow the global order: order rows, then balances by coin).
 */
export function resetBalanceSteps(portfolioId: string, now: number, startingBalance: bigint): Step[] {
  const target = `CASE WHEN "coin" = ? THEN CAST(? AS BIGINT) ELSE 0 END`;
  return [
    {
      sql: `UPDATE "Balance" SET "locked" = "locked" WHERE "portfolioId" = ?`,
      pgSql: `SELECT "coin" FROM "Balance" WHERE "portfolioId" = ? ORDER BY "coin" FOR UPDATE`,
      params: [portfolioId],
    },
    {
      sql: `INSERT INTO "LedgerEntry" ("portfolioId","coin","kind","deltaFree","deltaLocked","orderId","createdAt")
            SELECT "portfolioId", "coin", 'RESET', ${target} - "free", -"locked", NULL, ? FROM "Balance" WHERE "portfolioId" = ?`,
      params: [QUOTE_COIN, startingBalance, BigInt(now), portfolioId],
    },
    { sql: `UPDATE "Balance" SET "free" = ${target}, "locked" = 0 WHERE "portfolioId" = ?`, params: [QUOTE_COIN, startingBalance, portfolioId] },
  ];
}
