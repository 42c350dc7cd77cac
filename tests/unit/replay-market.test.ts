import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketNow, replayClock } from "@/lib/market/market-clock";
import { PriceStore } from "@/lib/market/price-store";
import { candlePath } from "@/lib/market/replay/candle-path";
import { KlineLineReader } from "@/lib/market/replay/kline-csv";
import { ReplayMarket } from "@/lib/market/replay/replay-market";
import { replayControls, replayHasPair, replayState } from "@/lib/market/replay/replay-registry";
import { readPairCandles, scanReplayDir } from "@/lib/market/replay/replay-files";
import type { Trade } from "@/lib/market/types";
import { formatUnits, parseDecimal } from "@/lib/money";
import { minuteCandles, writeKlineCsv } from "../support/kline-files";
import { waitFor } from "../support/wait-for";

const T0 = Date.parse("2022-06-13T14:00:00Z");
const MIN = 60_000;
const u = (s: string) => parseDecimal(s);

describe("kline CSV lines", () => {
  it("reads data.binance.vision's 12 columns in ms and in µs alike", () => {
    const ms = new KlineLineReader().read("1655128800000,22000.10,22100.00,21950.50,22050.00,12.5,1655128859999,275000,100,6,130000,0");
    const us = new KlineLineReader().read("1655128800000000,22000.10,22100.00,21950.50,22050.00,12.5,1655128859999999,275000,100,6,130000,0");
    for (const r of [ms, us]) {
      expect(r).toEqual({ kind: "candle", candle: { openTime: 1655128800000, open: u("22000.1"), high: u("22100"), low: u("21950.5"), close: u("22050"), volume: 12.5 } });
    }
  });

  it("reads header files by column name, in any order, with CRLF", () => {
    const r = new KlineLineReader();
    expect(r.read("close,open_time,open,low,high,volume\r")).toEqual({ kind: "header" });
    expect(r.read("2.5,1655128800000,2,1.5,3,10\r")).toMatchObject({ kind: "candle", candle: { openTime: 1655128800000, open: u("2"), high: u("3"), low: u("1.5"), close: u("2.5") } });
  });

  it("skips rows that are not candles, with a reason", () => {
    const r = new KlineLineReader();
    r.read("1655128800000,1,2,0.5,1.5,1");
    expect(r.read("1655128860000,1,0.9,0.5,1.5,1")).toMatchObject({ kind: "skip", reason: "high/low do not contain open and close" });
    expect(r.read("abc,1,2,0.5,1.5,1")).toMatchObject({ kind: "skip" });
    expect(r.read(`1655128860000,${"9".repeat(2000)}`)).toMatchObject({ kind: "skip", reason: "line too long" });
    expect(r.read("1655128860000,-1,2,0.5,1.5,1")).toMatchObject({ kind: "skip" });
  });
});

describe("candle path", () => {
  const c = (open: string, high: string, low: string, close: string) => ({ openTime: 0, open: u(open), high: u(high), low: u(low), close: u(close), volume: 4 });
  it("goes open -> nearer extreme -> other extreme -> close over the candle", () => {
    expect(candlePath(c("100", "101", "90", "95"), MIN)).toEqual([
      { price: u("100"), offset: 0 },
      { price: u("101"), offset: 20_000 },
      { price: u("90"), offset: 40_000 },
      { price: u("95"), offset: 59_999 },
    ]);
    expect(candlePath(c("100", "110", "99", "105"), MIN).map((s) => s.price)).toEqual([u("100"), u("99"), u("110"), u("105")]);
  });
  it("breaks a tie by the close (dip before a rally) and merges equal prices", () => {
    expect(candlePath(c("100", "105", "95", "104"), MIN).map((s) => s.price)).toEqual([u("100"), u("95"), u("105"), u("104")]);
    expect(candlePath(c("100", "105", "95", "96"), MIN).map((s) => s.price)).toEqual([u("100"), u("105"), u("95"), u("96")]);
    expect(candlePath(c("100", "100", "100", "100"), MIN)).toEqual([{ price: u("100"), offset: 0 }]);
  });
});

describe("replay folder", () => {
  let dir: string;
  let market: ReplayMarket | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "replay-"));
  });
  afterEach(async () => {
    await market?.stop();
    market = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds each pair's finest interval across formats, gzip and µs, and streams files in order", async () => {
    writeKlineCsv(dir, "BTCUSDT", "1m", minuteCandles(T0, 3, 20000), { name: "BTCUSDT-1m-2022-06-a" });
    writeKlineCsv(dir, "BTCUSDT", "1m", minuteCandles(T0 + 3 * MIN, 3, 20000), { name: "BTCUSDT-1m-2022-06-b", micro: true, gzip: true });
    writeKlineCsv(dir, "BTCUSDT", "1h", minuteCandles(T0, 2, 20000));
    writeKlineCsv(dir, "ETHUSDT", "5m", minuteCandles(T0, 2, 1000), { header: "open_time_ms" });
    writeKlineCsv(dir, "LTCUSDT", "1m", minuteCandles(T0, 2, 50), { header: "binance-names", gzip: true });
    writeKlineCsv(dir, "DOGEUSDT", "1m", minuteCandles(T0, 2, 1));
    const pairs = await scanReplayDir(dir);
    expect(pairs.map((p) => [p.symbol, p.interval, p.files.length])).toEqual([
      ["BTCUSDT", "1m", 2],
      ["ETHUSDT", "5m", 1],
      ["LTCUSDT", "1m", 1],
    ]);
    const btc = pairs[0]!;
    const times: number[] = [];
    for await (const batch of readPairCandles(btc.files)) times.push(...batch.map((c) => c.openTime));
    expect(times).toEqual([0, 1, 2, 3, 4, 5].map((i) => T0 + i * MIN));
  });

  it("replays every candle as its path, pairs merged in time order, stamped with market time", async () => {
    writeKlineCsv(dir, "BTCUSDT", "1m", [
      { openTime: T0, open: "100", high: "101", low: "90", close: "95" },
      { openTime: T0 + MIN, open: "95", high: "99", low: "94", close: "98" },
    ]);
    writeKlineCsv(dir, "ETHUSDT", "1m", [{ openTime: T0, open: "10", high: "12", low: "9.5", close: "11" }], { header: "open_time_ms", micro: true });
    const trades: Trade[] = [];
    market = new ReplayMarket({ store: new PriceStore(5000), dir, maxSpeed: true, loop: false, onTrade: (t) => trades.push(t) });
    await market.start();
    expect(await market.run()).toBe(12);
    // at equal times the pairs go in symbol order
    expect(trades.map((t) => `${t.symbol} ${t.time - T0} ${formatUnits(t.price)}`)).toEqual([
      "BTCUSDT 0 100",
      "ETHUSDT 0 10",
      "BTCUSDT 20000 101",
      "ETHUSDT 20000 9.5",
      "BTCUSDT 40000 90",
      "ETHUSDT 40000 12",
      "BTCUSDT 59999 95",
      "ETHUSDT 59999 11",
      "BTCUSDT 60000 95",
      "BTCUSDT 80000 94",
      "BTCUSDT 100000 99",
      "BTCUSDT 119999 98",
    ]);
    expect(trades.every((t) => t.receivedAt === t.time)).toBe(true);
    expect(replayHasPair("BTCUSDT")).toBe(true);
    expect(replayHasPair("XRPUSDT")).toBe(false);
    // the 15-minute candle aggregates both minutes
    expect(market.candles("BTCUSDT", "15m")).toEqual([{ openTime: T0, open: 100, high: 101, low: 90, close: 98, volume: 3 }]);
  });

  it("starts at REPLAY_START with the earlier candles as chart history only; gaps leave the price stale", async () => {
    const first = minuteCandles(T0, 30, 100);
    const afterGap = minuteCandles(T0 + 40 * MIN, 5, 100);
    writeKlineCsv(dir, "BTCUSDT", "1m", [...first, ...afterGap]);
    const store = new PriceStore(5000);
    const trades: Trade[] = [];
    market = new ReplayMarket({ store, dir, start: T0 + 20 * MIN, maxSpeed: true, loop: false, onTrade: (t) => trades.push(t) });
    await market.start();
    expect(market.candles("BTCUSDT", "15m").map((c) => c.openTime)).toEqual([T0, T0 + 15 * MIN]);
    await market.run();
    expect(trades[0]?.time).toBe(T0 + 20 * MIN);
    const q = store.get("BTCUSDT")!;
    expect(store.isStale(q, q.time + 30_000)).toBe(false);
    // within the gap (no candle from 14:30 to 14:40) the last price is older than one candle: stale
    expect(store.isTooOld("BTCUSDT", T0 + 30 * MIN - 1, T0 + 35 * MIN)).toBe(true);
  });

  it("refuses to start on a folder without data or a start after the data's end, with a sentence", async () => {
    await expect(new ReplayMarket({ store: new PriceStore(5000), dir }).start()).rejects.toThrow(/no kline files of the app's pairs/);
    writeKlineCsv(dir, "BTCUSDT", "1m", minuteCandles(T0, 3, 100));
    await expect(new ReplayMarket({ store: new PriceStore(5000), dir, start: T0 + 10 * MIN }).start()).rejects.toThrow(/after the end of the data/);
  });

  it("paces at REPLAY_SPEED, stands still while paused, and speeds up when told", async () => {
    writeKlineCsv(dir, "BTCUSDT", "1m", minuteCandles(T0, 600, 100));
    const trades: Trade[] = [];
    market = new ReplayMarket({ store: new PriceStore(5000), dir, speed: 600, loop: false, onTrade: (t) => trades.push(t) });
    await market.start();
    const realStart = Date.now();
    await waitFor(async () => trades.length >= 8, "two candles at x600", 5000);
    // 600 market ms per real ms: two minutes of market take about 200 ms
    expect(Date.now() - realStart).toBeGreaterThanOrEqual(150);
    const state = replayState()!;
    expect(state).toMatchObject({ speed: 600, paused: false, start: T0, pairs: { BTCUSDT: "1m" } });
    replayControls()!.setPaused(true);
    const frozen = marketNow();
    const count = trades.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(marketNow()).toBe(frozen);
    expect(trades.length).toBeLessThanOrEqual(count + 1);
    replayControls()!.setSpeed(60_000);
    replayControls()!.setPaused(false);
    expect(replayClock()).toMatchObject({ speed: 60_000, paused: false });
    await waitFor(async () => trades.length >= 400, "a hundred candles at x60000", 5000);
  });

  it("waits at a trade while the orders it fired are filled, and never runs past a trade not yet played", async () => {
    writeKlineCsv(dir, "BTCUSDT", "1m", minuteCandles(T0, 600, 100));
    const trades: Trade[] = [];
    const seen: number[] = [];
    let filling: (() => void) | null = null;
    const store = new PriceStore(5000);
    market = new ReplayMarket({
      store,
      dir,
      speed: 1_000_000,
      loop: false,
      onTrade: (t) => {
        trades.push(t);
        // market time as the trade is played: the trade's own, however far behind the running clock the replay is
        seen.push(marketNow() - t.time);
        if (trades.length === 5) filling = () => undefined;
      },
      fillsPending: () => filling !== null,
      fillsDone: () => new Promise<void>((resolve) => (filling = () => resolve())),
    });
    await market.start();
    await waitFor(async () => trades.length >= 5, "five trades", 5000);
    // the fifth trade "fired an order": at x1,000,000 one real ms is 16 market minutes, yet the market waits
    const at = trades[4]!.time;
    await new Promise((r) => setTimeout(r, 200));
    expect(marketNow()).toBe(at);
    expect(trades).toHaveLength(5);
    expect(store.isTooOld("BTCUSDT", at)).toBe(false);
    (filling as unknown as () => void)();
    filling = null;
    await waitFor(async () => trades.length >= 600 * 4 - 4, "the rest of the data", 10_000);
    expect(seen.every((d) => d === 0)).toBe(true);
  });

  it("starts again at the end when looping, with fresh prices from the new pass only", async () => {
    writeKlineCsv(dir, "BTCUSDT", "1m", minuteCandles(T0, 3, 100));
    const store = new PriceStore(5000);
    const trades: Trade[] = [];
    market = new ReplayMarket({ store, dir, speed: 60_000, loop: true, onTrade: (t) => trades.push(t) });
    await market.start();
    await waitFor(async () => market!.generation >= 1 && trades.length > 12, "a second pass", 5000);
    const times = trades.map((t) => t.time);
    const back = times.findIndex((t, i) => i > 0 && t < times[i - 1]!);
    expect(times[back]).toBe(T0);
  });
});

describe("orders on the replayed path", () => {
  let dir: string;
  let market: ReplayMarket | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "replay-orders-"));
  });
  afterEach(async () => {
    await market?.stop();
    market = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("fires a limit, a stop and a trailing stop at the trades the candle really went through, in that order", async () => {
    const { ArmedOrders } = await import("@/lib/market/armed-orders");
    // 100 -> 101 (nearer) -> 90 -> 95
    writeKlineCsv(dir, "BTCUSDT", "1m", [{ openTime: T0, open: "100", high: "101", low: "90", close: "95" }]);
    const armed = new ArmedOrders();
    const base = { portfolioId: "u1", symbol: "BTCUSDT", amount: 1_000_000n, lockCoin: "BTC", lockAmount: 0n, version: 0 } as const;
    armed.arm({ ...base, id: "sell-limit-100.5", side: "SELL", type: "L", stopPrice: null, limitPrice: u("100.5") });
    armed.arm({ ...base, id: "sell-stop-92", side: "SELL", type: "SL", stopPrice: u("92") });
    // a trailing SELL stop 5% under the watermark, active from the first trade: high 101 -> fires at or below 95.95
    armed.arm({ ...base, id: "trailing-5pct", side: "SELL", type: "SL", stopPrice: null, trailingDelta: 500, activationPrice: u("100") });
    armed.arm({ ...base, id: "buy-limit-89", side: "BUY", type: "L", stopPrice: null, limitPrice: u("89") });
    const fired: string[] = [];
    market = new ReplayMarket({
      store: new PriceStore(5000),
      dir,
      maxSpeed: true,
      loop: false,
      onTrade: (t) => {
        for (const o of armed.take(t.symbol, t.price)) fired.push(`${o.id} @ ${formatUnits(t.price)} +${t.time - T0}ms`);
        armed.drainActivated();
      },
    });
    await market.start();
    await market.run();
    // the limit at the high (20 s in), then the stop and the trailing stop together at the low (40 s in)
    expect(fired[0]).toBe("sell-limit-100.5 @ 101 +20000ms");
    expect(fired.slice(1).sort()).toEqual(["sell-stop-92 @ 90 +40000ms", "trailing-5pct @ 90 +40000ms"]);
    expect(armed.has("buy-limit-89")).toBe(true);
  });
});
