// Sliding-window rate limits kept in the database, so they hold across processes and restarts.
// A request takes its slot BEFORE the work it limits (argon2, a mail, a row): count-and-insert is one
// conditional statement in one transaction, so a burst of parallel requests cannot all read "under the
// limit" and then all go ahead. On SQLite the transaction holds the write lock from its start (BEGIN
// IMMEDIATE); on PostgreSQL (READ COMMITTED would let two inserts see the same count) a transaction-scoped
// advisory lock on the key serialises the takers of one key, and only them.
import { prisma } from "@/lib/db";
import { atomic, type Step } from "@/lib/atomic";
import { isPostgres } from "@/lib/env";
import { DomainError } from "@/lib/domain-error";

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

export interface Slot {
  /** Returns the slot (e.g. a login that succeeded is not a failed attempt). */
  giveBack(): Promise<void>;
}

// The first half of the two-part advisory lock key: this module's own namespace.
const PG_LOCK_CLASS = 7301;

/** The longest window a limit may have: hits older than this count for no limit (sweepRateLimitHits). */
export const MAX_WINDOW_MS = 24 * 3600_000;

class LimitReached extends Error {}

/**
 * Takes one of the `max` slots of `key` in the sliding window, or throws RATE_LIMITED (429, Retry-After)
 * when all are taken. Expired hits of the key are deleted in the same transaction.
 */
export async function takeHit({ key, max, windowMs }: Limit): Promise<Slot> {
  if (windowMs > MAX_WINDOW_MS) throw new Error(`a rate limit's window is at most ${MAX_WINDOW_MS} ms`);
  const at = BigInt(Date.now());
  const since = at - BigInt(windowMs);
  const steps: Step[] = [
    ...(isPostgres ? [{ sql: `SELECT pg_advisory_xact_lock(${PG_LOCK_CLASS}, hashtext(CAST(? AS TEXT)))`, params: [key] }] : []),
    { sql: `DELETE FROM "RateLimitHit" WHERE "key" = ? AND "at" <= ?`, params: [key, since] },
    {
      sql: `INSERT INTO "RateLimitHit" ("key","at") SELECT CAST(? AS TEXT), CAST(? AS BIGINT)
            WHERE (SELECT COUNT(*) FROM "RateLimitHit" WHERE "key" = ? AND "at" > ?) < ?`,
      params: [key, at, key, since, max],
      expect: { rows: 1, error: () => new LimitReached() },
    },
  ];
  try {
    await atomic(steps);
  } catch (e) {
    if (e instanceof LimitReached) throw await limited(key, windowMs);
    throw e;
  }
  return {
    async giveBack() {
      // Slots of one key and millisecond are alike: remove one of them.
      await atomic([
        {
          sql: `DELETE FROM "RateLimitHit" WHERE "id" = (SELECT "id" FROM "RateLimitHit" WHERE "key" = ? AND "at" = ? ORDER BY "id" DESC LIMIT 1)`,
          params: [key, at],
        },
      ]);
    },
  };
}

async function limited(key: string, windowMs: number): Promise<DomainError> {
  const now = Date.now();
  const oldest = await prisma.rateLimitHit.findFirst({
    where: { key, at: { gt: BigInt(now - windowMs) } },
    orderBy: { at: "asc" },
    select: { at: true },
  });
  const retryAfter = Math.max(1, Math.ceil((Number(oldest?.at ?? BigInt(now)) + windowMs - now) / 1000));
  return new DomainError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, retryAfter);
}

/**
 * Deletes the hits that no window can count any more. A key's own expired hits go when the key takes its
 * next slot; this removes those of keys never seen again (an address, an e-mail tried once), so the table
 * holds at most a day of hits. Run hourly by the worker; a scan of that small table, no index needed.
 */
export async function sweepRateLimitHits(now = Date.now()): Promise<number> {
  const [deleted] = await atomic([{ sql: `DELETE FROM "RateLimitHit" WHERE "at" <= ?`, params: [BigInt(now - MAX_WINDOW_MS)] }]);
  return deleted ?? 0;
}
