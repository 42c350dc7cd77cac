import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The database must be chosen before any lib module reads the environment.
let db: TestDatabase;
let LeaderLease: typeof import("@/lib/market/leader-lease").LeaderLease;
let prisma: typeof import("@/lib/db").prisma;
let disconnect: typeof import("@/lib/db").disconnect;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  ({ LeaderLease } = await import("@/lib/market/leader-lease"));
  ({ prisma, disconnect } = await import("@/lib/db"));
}, 60_000);

afterAll(async () => {
  await disconnect();
  await db.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("leader lease", () => {
  it("only one of two contenders holds it; the other stands by", async () => {
    const a = new LeaderLease({ name: "t1", holder: "A", ttlMs: 10_000 });
    const b = new LeaderLease({ name: "t1", holder: "B", ttlMs: 10_000 });
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    expect(await a.tryAcquire()).toBe(true); // renewal
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    const row = await prisma.workerLease.findUnique({ where: { name: "t1" } });
    expect(row?.holder).toBe("A");
  });

  it("exactly one winner when many contenders race for a free lease", async () => {
    const contenders = Array.from({ length: 12 }, (_, i) => new LeaderLease({ name: "t2", holder: `W${i}`, ttlMs: 10_000 }));
    const results = await Promise.all(contenders.map((c) => c.tryAcquire()));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(contenders.filter((c) => c.isLeader())).toHaveLength(1);
  });

  it("an expired lease is taken over, and the old holder knows it lost it", async () => {
    const a = new LeaderLease({ name: "t3", holder: "A", ttlMs: 300 });
    const b = new LeaderLease({ name: "t3", holder: "B", ttlMs: 300 });
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await sleep(350); // A stopped renewing (crashed, paused)
    expect(a.isLeader()).toBe(false); // stops acting on its own clock, before anyone can take over
    expect(await b.tryAcquire()).toBe(true);
    expect(await a.tryAcquire()).toBe(false);
  });

  it("stop() hands the lease over at once", async () => {
    const a = new LeaderLease({ name: "t4", holder: "A", ttlMs: 60_000, renewMs: 50 });
    const b = new LeaderLease({ name: "t4", holder: "B", ttlMs: 60_000, renewMs: 50 });
    expect(await a.start()).toBe(true);
    expect(await b.start()).toBe(false);
    await sleep(120); // a few renewals on both sides
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    await a.stop();
    expect(a.isLeader()).toBe(false);
    expect(await b.tryAcquire()).toBe(true);
    await b.stop();
  });

  it("renewal keeps the lease beyond its first term", async () => {
    const a = new LeaderLease({ name: "t5", holder: "A", ttlMs: 400, renewMs: 100 });
    const b = new LeaderLease({ name: "t5", holder: "B", ttlMs: 400 });
    await a.start();
    await sleep(900);
    expect(a.isLeader()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await a.stop();
  });
});
