import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BinanceFeed } from "@/lib/market/binance-feed";
import { parseStreamFrame } from "@/lib/market/binance-messages";
import { PriceStore } from "@/lib/market/price-store";
import type { Ticker, Trade } from "@/lib/market/types";
import { FakeBinance } from "../support/fake-binance";
import { waitFor } from "../support/wait-for";

const until = (cond: () => boolean, what: string, ms = 5000) => waitFor(async () => cond(), what, ms);

describe("Binance stream messages", () => {
  it("reads a combined-stream trade with Binance's field names", () => {
    const frame = JSON.stringify({
      stream: "ethusdt@trade",
      data: { e: "trade", E: 1700000000001, s: "ETHUSDT", t: 376891502, p: "2238.42000000", q: "0.00565000", T: 1700000000000, m: true, M: true },
    });
    const { trades, tickers } = parseStreamFrame(frame, 42);
    expect(tickers).toEqual([]);
    expect(trades).toEqual([{ symbol: "ETHUSDT", price: 223_842_000_000n, qty: 0.00565, tradeId: "376891502", time: 1700000000000, receivedAt: 42 }]);
  });

  it("reads !miniTicker@arr and skips pairs the app does not trade", () => {
    const frame = JSON.stringify({
      stream: "!miniTicker@arr",
      data: [
        { e: "24hrMiniTicker", E: 1, s: "BTCUSDT", c: "29422.00000000", o: "29515.26000000", h: "29738.00000000", l: "29320.20000000", v: "23376.93902000", q: "689008713.92773180" },
        { e: "24hrMiniTicker", E: 1, s: "XMRBTC", c: "0.00536700", o: "0.00524500", h: "0.00536800", l: "0.00524500", v: "25657.931", q: "136.05" },
      ],
    });
    const { tickers } = parseStreamFrame(frame, 0);
    expect(tickers).toHaveLength(1);
    expect(tickers[0]).toMatchObject({ symbol: "BTCUSDT", last: 2_942_200_000_000n, open: 2_951_526_000_000n, volume: 23376.93902 });
  });

  it("ignores garbage, unknown events and bad prices", () => {
    expect(parseStreamFrame("not json", 0)).toEqual({ trades: [], tickers: [] });
    expect(parseStreamFrame(JSON.stringify({ result: null, id: 1 }), 0)).toEqual({ trades: [], tickers: [] });
    const bad = { e: "trade", s: "BTCUSDT", t: 1, p: "-5", q: "1", T: 1 };
    expect(parseStreamFrame(JSON.stringify(bad), 0).trades).toEqual([]);
  });
});

describe("Binance feed client against a fake Binance", () => {
  let fake: FakeBinance;
  let store: PriceStore;
  let feed: BinanceFeed;
  let trades: Trade[];
  let tickers: Ticker[];
  let log: string[];

  beforeEach(async () => {
    fake = await FakeBinance.start();
    fake.setPrice("BTCUSDT", "90000.00000000");
    fake.setPrice("ETHUSDT", "3000.00000000");
    fake.setPrice("DOGEUSDT", "0.1");
    store = new PriceStore(5000);
    trades = [];
    tickers = [];
    log = [];
    feed = new BinanceFeed({
      wsUrl: fake.wsUrl,
      restUrl: fake.restUrl,
      store,
      symbols: ["BTCUSDT", "ETHUSDT"],
      initialBackoffMs: 20,
      maxBackoffMs: 100,
      onTrade: (t) => trades.push(t),
      onTicker: (t) => tickers.push(t),
      onLog: (l) => log.push(l),
    });
  });

  afterEach(async () => {
    await feed.stop();
    await fake.close();
  });

  it("subscribes to each pair's trades and the mini tickers on one combined stream", async () => {
    expect(feed.streamUrl()).toBe(`${fake.wsUrl}/stream?streams=btcusdt@trade/ethusdt@trade/!miniTicker@arr`);
    await feed.start();
    await until(() => fake.connectionCount === 1, "connection");
    expect(fake.subscriptions).toEqual([["btcusdt@trade", "ethusdt@trade", "!miniTicker@arr"]]);
  });

  it("takes a REST snapshot at connection, which prices but is not a trade", async () => {
    await feed.start();
    await until(() => store.get("BTCUSDT") !== undefined, "snapshot");
    const q = store.get("BTCUSDT")!;
    expect(q).toMatchObject({ price: 9_000_000_000_000n, kind: "snapshot", source: "binance" });
    expect(store.isStale(q)).toBe(false);
    expect(store.get("DOGEUSDT")).toBeUndefined();
    expect(trades).toEqual([]);
  });

  it("parses trades in order with their ids and records them as the latest price", async () => {
    await feed.start();
    await until(() => fake.connectionCount === 1, "connection");
    const id1 = fake.trade("BTCUSDT", "90100.50000000", "0.5");
    const id2 = fake.trade("BTCUSDT", "90101.00000000");
    fake.trade("ETHUSDT", "3001.10000000");
    await until(() => trades.length === 3, "trades");
    expect(trades.map((t) => [t.symbol, t.price, t.tradeId])).toEqual([
      ["BTCUSDT", 9_010_050_000_000n, String(id1)],
      ["BTCUSDT", 9_010_100_000_000n, String(id2)],
      ["ETHUSDT", 300_110_000_000n, expect.any(String)],
    ]);
    expect(trades[0]!.qty).toBe(0.5);
    expect(store.get("BTCUSDT")).toMatchObject({ price: 9_010_100_000_000n, tradeId: String(id2), kind: "trade" });
  });

  it("keeps 24 h stats from the mini tickers", async () => {
    await feed.start();
    await until(() => fake.connectionCount === 1, "connection");
    fake.miniTicker("ETHUSDT", { open: "2900", high: "3100", low: "2850", close: "3000.00000000", volume: "12.5" });
    await until(() => tickers.length === 1, "ticker");
    await until(() => store.get("ETHUSDT")?.stats !== undefined, "stats");
    expect(store.get("ETHUSDT")!.stats).toMatchObject({ open: 290_000_000_000n, high: 310_000_000_000n, low: 285_000_000_000n, volume: 12.5 });
  });

  it("marks every price stale while disconnected, then reconnects and resubscribes", async () => {
    await feed.start();
    await until(() => fake.connectionCount === 1, "connection");
    fake.trade("BTCUSDT", "90000.00000000");
    await until(() => trades.length === 1, "first trade");
    expect(store.isStale(store.get("BTCUSDT"))).toBe(false);

    fake.refuseConnections(true);
    fake.dropConnections();
    await until(() => !store.isConnected(), "disconnect noticed");
    expect(store.isStale(store.get("BTCUSDT"))).toBe(true);
    expect(store.isStale(store.get("ETHUSDT"))).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // several refused redials
    expect(store.isConnected()).toBe(false);

    fake.refuseConnections(false);
    await until(() => fake.connectionCount === 1, "reconnection");
    expect(fake.subscriptions).toEqual([["btcusdt@trade", "ethusdt@trade", "!miniTicker@arr"]]);
    expect(feed.connections).toBe(2);
    fake.trade("BTCUSDT", "91000.00000000");
    await until(() => trades.length === 2, "trade after reconnection");
    expect(store.isStale(store.get("BTCUSDT"))).toBe(false);
    expect(log.some((l) => l.includes("reconnecting"))).toBe(true);
  });

  it("a price from before a reconnection stays stale until something newer arrives", async () => {
    const s = new PriceStore(60_000);
    s.setConnected(true, 1000);
    s.recordTrade({ symbol: "BTCUSDT", price: 1n, qty: 1, tradeId: "1", time: 1500, receivedAt: 1500 }, "binance");
    expect(s.isStale(s.get("BTCUSDT"), 1600)).toBe(false);
    s.setConnected(false, 1700);
    s.setConnected(true, 1800);
    expect(s.isStale(s.get("BTCUSDT"), 1900)).toBe(true);
    expect(s.recordSnapshot("BTCUSDT", 2n, 1800, "binance", 1900)).toBe(true);
    expect(s.isStale(s.get("BTCUSDT"), 1950)).toBe(false);
  });

  it("a snapshot never overwrites a trade received after it was requested", () => {
    const s = new PriceStore(60_000);
    s.setConnected(true, 0);
    s.recordTrade({ symbol: "BTCUSDT", price: 5n, qty: 1, tradeId: "9", time: 100, receivedAt: 100 }, "binance");
    expect(s.recordSnapshot("BTCUSDT", 4n, 50, "binance", 120)).toBe(false);
    expect(s.get("BTCUSDT")!.price).toBe(5n);
  });

  it("goes stale when prices are older than the maximum age", () => {
    const s = new PriceStore(5000);
    s.setConnected(true, 0);
    s.recordTrade({ symbol: "BTCUSDT", price: 5n, qty: 1, tradeId: "9", time: 100, receivedAt: 100 }, "binance");
    expect(s.isStale(s.get("BTCUSDT"), 5100)).toBe(false);
    expect(s.isStale(s.get("BTCUSDT"), 5101)).toBe(true);
  });

  it("keeps a quiet pair's price current with REST snapshots, without ever emitting a trade", async () => {
    const s = new PriceStore(500);
    const quiet = new BinanceFeed({ wsUrl: fake.wsUrl, restUrl: fake.restUrl, store: s, symbols: ["ETHUSDT", "XRPETH"], snapshotRefreshMs: 100, quietAfterMs: 200, onTrade: (t) => trades.push(t) });
    await quiet.start();
    await until(() => s.get("ETHUSDT") !== undefined, "snapshot");
    await new Promise((r) => setTimeout(r, 1000)); // twice the maximum age, no trade at all
    expect(s.isStale(s.get("ETHUSDT"))).toBe(false);
    fake.setPrice("ETHUSDT", "3010.00000000");
    await until(() => s.get("ETHUSDT")?.price === 301_000_000_000n, "price moved");
    expect(s.get("XRPETH")).toBeUndefined(); // not listed by the fake: no price, never invented
    expect(trades).toEqual([]);
    await quiet.stop();
  });

  it("drops a silent connection and dials again", async () => {
    const quiet = new BinanceFeed({ wsUrl: fake.wsUrl, restUrl: fake.restUrl, store: new PriceStore(), symbols: ["BTCUSDT"], idleTimeoutMs: 300, initialBackoffMs: 10 });
    await quiet.start();
    await until(() => quiet.connections >= 1, "first connection");
    // no trades, but the fake answers pings: the connection stays up
    await new Promise((r) => setTimeout(r, 700));
    expect(quiet.connections).toBe(1);
    fake.silence(true);
    await until(() => quiet.connections >= 2, "redial after silence", 3000);
    fake.silence(false);
    await quiet.stop();
  });
});
