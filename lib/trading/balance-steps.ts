// Builds the SQL steps of balance changes, each with its ledger row, so that the ledger always explains
// the balance: sum(deltaFree) = free and sum(deltaLocked) = locked for every user and coin.
// Rows are touched in coin order so that concurrent transactions of one user never deadlock (PostgreSQL).
import type { Step } from "@/lib/atomic";
import { AppError } from "@/lib/api/errors";
import { formatUnits } from "@/lib/money";

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
  new AppError(
    "INSUFFICIENT_BALANCE",
    need === undefined ? `Not enough ${coin}.` : `Not enough ${coin}: this needs ${formatUnits(need)} ${coin} free.`,
  );

/**
 * One guarded UPDATE per coin (free and locked never go below zero: the WHERE clause refuses, the step's
 * guard rolls the transaction back with `onShort`), then the ledger rows.
 */
export function balanceSteps(
  userId: string,
  orderId: string | null,
  changes: BalanceChange[],
  now: number,
  onShort: (coin: string, change: BalanceChange) => () => Error = (coin, c) => insufficient(coin, -c.free),
): Step[] {
  const sorted = [...changes].sort((a, b) => a.coin.localeCompare(b.coin));
  const updates: Step[] = sorted.map((c) => ({
    sql: `UPDATE "Balance" SET "free" = "free" + ?, "locked" = "locked" + ? WHERE "userId" = ? AND "coin" = ? AND "free" + ? >= 0 AND "locked" + ? >= 0`,
    params: [c.free, c.locked, userId, c.coin, c.free, c.locked],
    expect: { rows: 1, error: onShort(c.coin, c) },
  }));
  const ledger: Step[] = sorted.flatMap((c) =>
    c.entries
      .filter((e) => e.free !== 0n || e.locked !== 0n)
      .map((e) => ({
        sql: `INSERT INTO "LedgerEntry" ("userId","coin","kind","deltaFree","deltaLocked","orderId","createdAt") VALUES (?,?,?,?,?,?,?)`,
        params: [userId, c.coin, e.kind, e.free, e.locked, orderId, BigInt(now)],
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
