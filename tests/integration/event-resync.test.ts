// The two holes a re-sync after a dropped event connection must not have, on the real parts: (1) an event
// a process could not send while its own connection was down is kept and sent once the channel is back
// (PostgreSQL LISTEN/NOTIFY; Redis pub/sub); (2) an order armed by its event while the re-sync's read runs
// (committed after the read's snapshot) stays armed, and one disarmed meanwhile stays disarmed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventChannel, EventChannelOptions } from "@/lib/market/event-channel";
import type { OpenOrder } from "@/lib/trading/open-order";
import { createTestDatabase, TEST_DB, type TestDatabase } from "../support/test-database";
import { waitFor } from "../support/wait-for";

let db: TestDatabase;
let lib: {
  ArmedOrders: typeof import("@/lib/market/armed-orders").ArmedOrders;
  eventOutbox: typeof import("@/lib/market/event-outbox").eventOutbox;
  pgEventChannel: typeof import("@/lib/market/pg-event-channel").pgEventChannel;
  redisEventChannel: typeof import("@/lib/market/redis-event-channel").redisEventChannel;
};

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  lib = {
    ArmedOrders: (await import("@/lib/market/armed-orders")).ArmedOrders,
    eventOutbox: (await import("@/lib/market/event-outbox")).eventOutbox,
    pgEventChannel: (await import("@/lib/market/pg-event-channel")).pgEventChannel,
    redisEventChannel: (await import("@/lib/market/redis-event-channel")).redisEventChannel,
  };
});
afterAll(async () => {
  const { disconnect } = await import("@/lib/db");
  await disconnect();
  await db?.drop();
});

const stop = (id: string): OpenOrder => ({
  id, portfolioId: "u1", symbol: "BTCUSDT", side: "BUY", type: "SL", amount: 1_000_000n, stopPrice: 9_100_000_000_000n,
  lockAmount: 91_000_000_000n, lockCoin: "USDT", version: 0,
});

describe("the re-sync's read of open orders", () => {
  it("keeps an order armed, and one disarmed, by an event while the read runs", async () => {
    const armed = new lib.ArmedOrders();
    armed.arm(stop("cancelled-meanwhile"));
    // Neither order has a row: the read's snapshot predates the one and outlives the other.
    const reload = armed.reloadOpen();
    armed.arm(stop("placed-meanwhile"));
    armed.disarm("cancelled-meanwhile");
    expect(await reload).toBe(0);
    expect(armed.has("placed-meanwhile")).toBe(true);
    expect(armed.has("cancelled-meanwhile")).toBe(false);
    // a later re-sync reads the table as it is
    await armed.reloadOpen();
    expect(armed.has("placed-meanwhile")).toBe(false);
  });
});

type MakeChannel = (opts: EventChannelOptions) => EventChannel;

function channelCases(kind: string, make: () => MakeChannel) {
  it(`${kind}: an event published while the sender's connection is down reaches the listener after the reconnect`, async () => {
    const channel = `cv_resync_${Date.now().toString(36)}_${process.pid}`;
    const got: string[] = [];
    const quiet = { channel, onLog: () => undefined, onReconnect: () => undefined };
    const listener = make()({ ...quiet, onMessage: (t) => got.push(t) });
    let reconnects = 0;
    const counted = { sent: 0, dropped: 0 };
    const sender = make()({ ...quiet, onMessage: () => undefined, onReconnect: () => (reconnects++, outbox.flush()), onWritable: () => outbox.flush() });
    const outbox = lib.eventOutbox(sender, { sent: () => counted.sent++, dropped: () => counted.dropped++ });
    try {
      await Promise.all([listener.start(), sender.start()]);
      outbox.publish("before", true);
      await waitFor(async () => got.includes("before"), "the first event");

      await sender.interrupt();
      await waitFor(async () => !sender.connected(), "the sender's channel to be down");
      outbox.publish("kept", true);
      outbox.publish("a tick", false);
      expect(outbox.kept()).toBe(1);
      expect(got).not.toContain("kept");
      await waitFor(async () => got.includes("kept"), "the kept event after the reconnect");
      expect(reconnects).toBe(1);
      expect(outbox.kept()).toBe(0);
      expect(got).not.toContain("a tick");
      expect(counted).toEqual({ sent: 2, dropped: 1 });
    } finally {
      await Promise.all([listener.stop(), sender.stop()]);
    }
  });
}

describe.runIf(TEST_DB === "postgres")("the event channel's outbox on PostgreSQL", () => {
  channelCases("PostgreSQL", () => (opts) => lib.pgEventChannel(db.url, opts));
});

describe.runIf(TEST_DB === "postgres")("the event channel's outbox on Redis", () => {
  channelCases("Redis", () => (opts) => lib.redisEventChannel("redis://127.0.0.1:6379", opts));
});
