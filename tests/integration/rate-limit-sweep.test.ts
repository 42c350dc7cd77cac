// The database rate limits (lib/rate-limit.ts) on a real database, SQLite or PostgreSQL: a key's slots in its
// sliding window, and the hourly sweep that deletes the hits no window can count any more (those of keys
// never seen again), leaving every hit a window still counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atomicDatabase, type AtomicDatabase } from "../support/atomic-database";

let d: AtomicDatabase;
let lib: typeof import("@/lib/rate-limit");

beforeAll(async () => {
  d = await atomicDatabase("sweep-user");
  lib = await import("@/lib/rate-limit");
}, 120_000);
afterAll(async () => d?.close());

const HOUR = 3600_000;
const hits = async (key: string) =>
  (await d.selectRows<{ at: unknown }>(`SELECT "at" FROM "RateLimitHit" WHERE "key" = ? ORDER BY "at"`, [key])).map((r) => Number(r.at));

describe("rate-limit hits", () => {
  it("a key takes its max slots in the window, then is refused with a Retry-After", async () => {
    const limit = { key: "t:limit", max: 2, windowMs: HOUR };
    await lib.takeHit(limit);
    await lib.takeHit(limit);
    await expect(lib.takeHit(limit)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await hits("t:limit")).toHaveLength(2);
  });

  it("the sweep deletes the hits older than the longest window, and only them", async () => {
    const now = Date.now();
    const old = now - lib.MAX_WINDOW_MS - 1;
    const recent = now - 2 * HOUR;
    for (const [key, at] of [["t:gone", old], ["t:gone", old - HOUR], ["t:mixed", old], ["t:mixed", recent]] as const) {
      await d.atomic([{ sql: `INSERT INTO "RateLimitHit" ("key","at") VALUES (?,?)`, params: [key, BigInt(at)] }]);
    }
    const before = (await hits("t:limit")).length;
    expect(await lib.sweepRateLimitHits(now)).toBe(3);
    expect(await hits("t:gone")).toEqual([]);
    expect(await hits("t:mixed")).toEqual([recent]);
    expect(await hits("t:limit")).toHaveLength(before); // still counted by their window: kept
    expect(await lib.sweepRateLimitHits(now)).toBe(0);
  });

  it("refuses a window longer than the sweep keeps hits for", async () => {
    await expect(lib.takeHit({ key: "t:long", max: 1, windowMs: lib.MAX_WINDOW_MS + 1 })).rejects.toThrow(/at most/);
    expect(await hits("t:long")).toEqual([]);
  });
});
