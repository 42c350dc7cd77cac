// The worker end to end inside one process: fake Binance -> feed -> price store, MarketPrice and Kline
// tables -> trigger index -> fireOrder -> "fill" event. Orders are written straight into the table
// (as another process would) so that this test depends only on the schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FillEvent } from "@/lib/market/events";
import { FakeBinance } from "../support/fake-binance";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { waitFor } from "../support/wait-for";

let db: TestDatabase;
let fake: FakeBinance;
let lib: {
  prisma: typeof import("@/lib/db").prisma;
  disconnect: typeof import("@/lib/db").disconnect;
  startWorker: typeof import("@/lib/market/worker").startWorker;
  marketEvents: typeof import("@/lib/market/events").marketEvents;
  priceStore: typeof import("@/lib/market/price-store").priceStore;
  getFreshPrice: typeof import("@/lib/market/get-fresh-price").getFreshPrice;
  listMarkets: typeof import("@/lib/market/list-markets").listMarkets;
  getKlines: typeof import("@/lib/market/get-klines").getKlines;
  parseKlinesQuery: typeof import("@/lib/market/get-klines").parseKlinesQuery;
};
let worker: Awaited<ReturnType<typeof lib.startWorker>>;
const logs: string[] = [];
const fills: FillEvent[] = [];
const U = 100_000_000n;

async function insertUser(id: string) {
  await lib.prisma.user.create({ data: { id, email: `${id}@example.test`, passwordHash: "x", name: "T", age: 30, country: "ES", phoneNo: "1" } });
  await lib.prisma.portfolio.create({ data: { id, userId: id, name: "Main", kind: "MAIN", startingBalance: 0n, createdAt: 0n } });
  for (const coin of ["BTC", "ETH", "LTC", "XRP", "BNB", "USDT"]) {
    await lib.prisma.balance.create({ data: { portfolioId: id, coin, free: coin === "USDT" ? 40_000n * U : 0n, locked: 0n } });
  }
}

// An open BUY SL on BTCUSDT (fires at >= stop) with its USDT lock, as place-stop-order would leave it.
async function insertBuyStop(id: string, portfolioId: string, stop: bigint, amount: bigint) {
  const lock = (stop * amount) / U + (stop * amount) / U / 1000n + 1n;
  await lib.prisma.balance.update({ where: { portfolioId_coin: { portfolioId, coin: "USDT" } }, data: { free: { decrement: lock }, locked: { increment: lock } } });
  const now = BigInt(Date.now());
  await lib.prisma.order.create({
    data: { id, portfolioId, symbol: "BTCUSDT", base: "BTC", quote: "USDT", side: "BUY", type: "SL", status: "OPEN", amount, stopPrice: stop, lockCoin: "USDT", lockAmount: lock, createdAt: now, updatedAt: now },
  });
  return { id, portfolioId, symbol: "BTCUSDT", side: "BUY" as const, type: "SL" as const, amount, stopPrice: stop, lockCoin: "USDT", lockAmount: lock, version: 0 };
}

beforeAll(async () => {
  [db, fake] = await Promise.all([createTestDatabase(), FakeBinance.start()]);
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    MARKET_SOURCE: "binance",
    BINANCE_WS_URL: fake.wsUrl,
    BINANCE_REST_URL: fake.restUrl,
    PRICE_MAX_AGE_MS: "5000",
  });
  fake.setPrice("BTCUSDT", "90000.00000000");
  fake.setPrice("ETHUSDT", "3000.00000000");
  const [dbm, w, ev, ps, fp, lm, gk] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/market/worker"),
    import("@/lib/market/events"),
    import("@/lib/market/price-store"),
    import("@/lib/market/get-fresh-price"),
    import("@/lib/market/list-markets"),
    import("@/lib/market/get-klines"),
  ]);
  lib = { prisma: dbm.prisma, disconnect: dbm.disconnect, startWorker: w.startWorker, marketEvents: ev.marketEvents, priceStore: ps.priceStore,
    getFreshPrice: fp.getFreshPrice, listMarkets: lm.listMarkets, getKlines: gk.getKlines, parseKlinesQuery: gk.parseKlinesQuery };
  lib.marketEvents.on("fill", (e) => fills.push(e));
  await insertUser("u1");
  await insertBuyStop("loaded-at-start", "u1", 95_000n * U, 10_000_000n);
  worker = await lib.startWorker({ onLog: (l) => logs.push(l), syncMs: 100, klineRefreshMs: 60_000 });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await lib?.disconnect();
  await fake?.close();
  await db?.drop();
});

const status = async (id: string) => (await lib.prisma.order.findUnique({ where: { id } }))?.status;

describe("market worker", () => {
  it("starts on the forced source as leader with the open orders armed", async () => {
    expect(worker.source).toBe("binance");
    expect(worker.isLeader()).toBe(true);
    expect(worker.armedCount()).toBe(1);
    await waitFor(async () => fake.connectionCount === 1, "feed connected");
  });

  it("prices from memory once the snapshot arrives, and lists every market", async () => {
    await waitFor(async () => lib.priceStore.get("BTCUSDT"), "snapshot");
    const p = await lib.getFreshPrice("btcusdt");
    expect(p).toMatchObject({ price: 90_000n * U, source: "binance" });
    const { markets } = await lib.listMarkets();
    expect(markets).toHaveLength(14);
    expect(markets[0]).toMatchObject({ symbol: "BTCUSDT", base: "BTC", quote: "USDT", price: 90000, source: "binance", stale: false });
    expect(markets.find((m) => m.symbol === "XRPETH")).toMatchObject({ price: null, stale: true });
  });

  it("a snapshot never fires an order; a trade below the stop does not either", async () => {
    fake.setPrice("BTCUSDT", "99000.00000000");
    fake.trade("BTCUSDT", "94999.99000000");
    await new Promise((r) => setTimeout(r, 300));
    expect(await status("loaded-at-start")).toBe("OPEN");
  });

  it("a trade through the stop fills at the trade's price (gap honoured) and announces the fill", async () => {
    const tradeId = fake.trade("BTCUSDT", "95500.00000000");
    await waitFor(async () => (await status("loaded-at-start")) === "FILLED", "fill");
    const o = await lib.prisma.order.findUnique({ where: { id: "loaded-at-start" } });
    expect(o).toMatchObject({ fillPrice: 95_500n * U, triggerTradeId: String(tradeId) });
    await waitFor(async () => fills.length === 1, "fill event");
    expect(fills[0]).toEqual({ portfolioId: "u1", orderId: "loaded-at-start", outcome: "FILLED" });
    expect(worker.armedCount()).toBe(0);
  });

  it("arms orders written by another process on the next sync, and fires 50 of them in one tick", async () => {
    for (let i = 0; i < 50; i++) await insertBuyStop(`synced-${i}`, "u1", (96_000n + BigInt(i)) * U, 100_000n);
    await waitFor(async () => worker.armedCount() === 50, "sync");
    fake.trade("BTCUSDT", "96100.00000000");
    await waitFor(async () => fills.length === 51, "50 fills", 20_000);
    const filled = await lib.prisma.order.count({ where: { id: { startsWith: "synced-" }, status: "FILLED", fillPrice: 96_100n * U } });
    expect(filled).toBe(50);
  });

  it("arms an order announced on the event bus at once, and disarms it on cancel", async () => {
    const order = await insertBuyStop("announced", "u1", 97_000n * U, 100_000n);
    lib.marketEvents.emit("order-armed", order);
    expect(worker.armedCount()).toBe(1);
    await lib.prisma.order.update({ where: { id: "announced" }, data: { status: "CANCELLED", version: 1, updatedAt: BigInt(Date.now()) } });
    lib.marketEvents.emit("order-disarmed", { id: "announced", symbol: "BTCUSDT" });
    expect(worker.armedCount()).toBe(0);
    fake.trade("BTCUSDT", "97500.00000000");
    await new Promise((r) => setTimeout(r, 300));
    expect(await status("announced")).toBe("CANCELLED");
    expect(worker.armedCount()).toBe(0);
  });

  it("writes prices to MarketPrice for processes without a feed", async () => {
    const row = await waitFor(async () => {
      const r = await lib.prisma.marketPrice.findUnique({ where: { symbol: "BTCUSDT" } });
      return r && r.price === 97_500n * U ? r : undefined;
    }, "MarketPrice row");
    expect(row).toMatchObject({ source: "binance" });
    expect(Date.now() - Number(row.updatedAt)).toBeLessThan(3000);
  });

  it("caches candles from Binance's REST klines and serves them without calling Binance", async () => {
    await waitFor(async () => (await lib.prisma.kline.count({ where: { symbol: "LTCETH", interval: "1w" } })) === 1000, "klines cached", 30_000);
    const before = fake.requests.length;
    const { klines } = await lib.getKlines(lib.parseKlinesQuery({ symbol: "btcusdt", interval: "1h" }));
    expect(klines).toHaveLength(500);
    expect(klines[0]).toHaveLength(6);
    expect(klines[1]![0] - klines[0]![0]).toBe(3_600_000);
    expect(typeof klines[0]![4]).toBe("number");
    expect(fake.requests.length).toBe(before);
    expect(fake.requests.some((r) => r.startsWith("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=1000"))).toBe(true);
  }, 60_000);

  it("marks prices stale while the feed is down; no fills then", async () => {
    fake.refuseConnections(true);
    fake.dropConnections();
    await waitFor(async () => !lib.priceStore.isConnected(), "disconnect");
    await expect(lib.getFreshPrice("BTCUSDT")).rejects.toMatchObject({ code: "NO_FRESH_PRICE" }); // a domain error: its 503 is the native dialect's
    expect((await lib.listMarkets()).markets.every((m) => m.stale)).toBe(true);
    fake.refuseConnections(false);
    await waitFor(async () => lib.priceStore.isConnected(), "reconnect", 10_000);
  });

  it("without a feed in this process, prices come from the MarketPrice table while fresh", async () => {
    fake.trade("BTCUSDT", "97600.00000000");
    await waitFor(async () => (await lib.prisma.marketPrice.findUnique({ where: { symbol: "BTCUSDT" } }))?.price === 97_600n * U, "row");
    const source = lib.priceStore.feedSource;
    lib.priceStore.feedSource = null;
    try {
      expect(await lib.getFreshPrice("BTCUSDT")).toMatchObject({ price: 97_600n * U, source: "binance" });
      expect((await lib.listMarkets()).markets[0]).toMatchObject({ price: 97600, stale: false });
      await lib.prisma.marketPrice.update({ where: { symbol: "BTCUSDT" }, data: { updatedAt: BigInt(Date.now() - 60_000) } });
      await expect(lib.getFreshPrice("BTCUSDT")).rejects.toMatchObject({ code: "NO_FRESH_PRICE" });
      await expect(lib.getFreshPrice("DOGEUSDT")).rejects.toMatchObject({ code: "UNKNOWN_PAIR" });
    } finally {
      lib.priceStore.feedSource = source;
    }
  });

  it("rejects bad klines queries with 400 codes", () => {
    expect(() => lib.parseKlinesQuery({ symbol: "BTCUSDT", interval: "2m" })).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
    expect(() => lib.parseKlinesQuery({ symbol: "BTCUSDT", interval: "1h", limit: "1001" })).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
    expect(() => lib.parseKlinesQuery({ symbol: "BTCUSDT", interval: "1h", limit: "abc" })).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
    expect(() => lib.parseKlinesQuery({ symbol: "DOGEUSDT", interval: "1h" })).toThrow(expect.objectContaining({ code: "UNKNOWN_PAIR" }));
    expect(lib.parseKlinesQuery(new URLSearchParams("symbol=ethbtc&interval=1w&limit=10"))).toEqual({ symbol: "ETHBTC", interval: "1w", limit: 10 });
  });

  it("logs nothing personal", () => {
    console.log(logs.filter((l) => l.includes("candle")).join("\n"));
    expect(logs.join("\n")).not.toContain("@example.test");
  });
});
