import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The database must be chosen before any lib module reads the environment.
let db: TestDatabase;
let PairLeases: typeof import("@/lib/market/pair-leases").PairLeases;
let disconnect: typeof import("@/lib/db").disconnect;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  ({ PairLeases } = await import("@/lib/market/pair-leases"));
  ({ disconnect } = await import("@/lib/db"));
}, 60_000);

afterAll(async () => {
  await disconnect();
  await db.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PAIRS = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"];
const started: InstanceType<typeof PairLeases>[] = [];
const lease = (holder: string, pairs = PAIRS, ttlMs = 60_000) => {
  const l = new PairLeases({ pairs, holder, ttlMs });
  started.push(l);
  return l;
};
// Each test's workers hand everything back, whatever happened, so the next test counts its own workers only.
afterEach(async () => {
  for (const l of started.splice(0)) await l.stop();
});

// Rounds until nothing changes (each worker's round sees the others' last writes).
async function settle(workers: InstanceType<typeof PairLeases>[], rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) for (const w of workers) await w.round();
}

function assertPartition(workers: InstanceType<typeof PairLeases>[], pairs = PAIRS): void {
  const held = workers.flatMap((w) => w.held());
  expect(held.sort()).toEqual([...pairs].sort()); // every pair, none twice
  const sizes = workers.map((w) => w.held().length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
}

// Each round is a few statements on SQLite; the timeout is for a loaded machine, not a bound on speed.
describe("pair leases", { timeout: 30_000 }, () => {
  it("one worker fills every pair; a second takes its share; a third too, balanced within one", async () => {
    const pairs = PAIRS.map((p) => `${p}1`);
    const a = lease("A1", pairs);
    await a.round();
    expect(a.held()).toEqual(pairs);
    const b = lease("B1", pairs);
    await settle([a, b]);
    assertPartition([a, b], pairs);
    const c = lease("C1", pairs);
    await settle([a, b, c]);
    assertPartition([a, b, c], pairs);
    for (const w of [a, b, c]) await w.stop();
  });

  it("many workers starting at once never hold a pair twice", async () => {
    const pairs = PAIRS.map((p) => `${p}2`);
    const workers = Array.from({ length: 5 }, (_, i) => lease(`W2-${i}`, pairs));
    for (let i = 0; i < 4; i++) await Promise.all(workers.map((w) => w.round()));
    assertPartition(workers, pairs);
    for (const w of workers) await w.stop();
  });

  it("a stopped worker's pairs go to the others at their next round", async () => {
    const pairs = PAIRS.map((p) => `${p}3`);
    const a = lease("A3", pairs);
    const b = lease("B3", pairs);
    await settle([a, b]);
    expect(b.held().length).toBeGreaterThan(0);
    await b.stop();
    expect(b.held()).toEqual([]);
    await a.round();
    expect(a.held()).toEqual(pairs);
    await a.stop();
  });

  it("a dead worker's pairs (no more renewals) move once its rows expire, within the TTL", async () => {
    const pairs = PAIRS.map((p) => `${p}4`);
    const ttlMs = 1000;
    const a = lease("A4", pairs, ttlMs);
    const dead = lease("D4", pairs, ttlMs);
    await settle([a, dead]);
    const lost = dead.held();
    expect(lost.length).toBeGreaterThan(0);
    const diedAt = Date.now(); // "dead" never renews again (as after kill -9)
    await a.start(); // renews every ttl/5
    while (a.held().length < pairs.length && Date.now() - diedAt < 3 * ttlMs) await sleep(20);
    expect(a.held()).toEqual(pairs);
    expect(Date.now() - diedAt).toBeLessThanOrEqual(ttlMs + 150);
    // and the dead one, by its own clock, no longer acts on them
    expect(dead.held()).toEqual([]);
    await a.stop();
  });
});
