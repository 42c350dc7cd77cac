import { afterEach, describe, expect, it } from "vitest";
import { INTERVAL_MS, KLINE_INTERVALS } from "@/lib/market/intervals";
import { PriceStore } from "@/lib/market/price-store";
import { SimulatedMarket } from "@/lib/market/simulated-market";
import type { Ticker, Trade } from "@/lib/market/types";
import { PAIRS } from "@/lib/markets";
import { unitsToNumber } from "@/lib/money";
import { waitFor } from "../support/wait-for";

function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("simulated market", () => {
  let market: SimulatedMarket | undefined;
  afterEach(async () => market?.stop());

  it("ticks every pair several times a second with increasing trade ids, source simulated", async () => {
    const store = new PriceStore(5000);
    const trades: Trade[] = [];
    market = new SimulatedMarket({ store, tickMs: 20, random: seeded(1), historyLength: 50, onTrade: (t) => trades.push(t) });
    await market.start();
    await waitFor(async () => PAIRS.every((p) => trades.filter((t) => t.symbol === p.symbol).length >= 3), "ticks on every pair", 5000);
    for (const p of PAIRS) {
      const ids = trades.filter((t) => t.symbol === p.symbol).map((t) => BigInt(t.tradeId));
      for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
      const q = store.get(p.symbol)!;
      expect(q.source).toBe("simulated");
      expect(q.price > 0n).toBe(true);
      expect(store.isStale(q)).toBe(false);
    }
  });

  it("starts from the reference prices and keeps cross pairs close to base/quote", async () => {
    const store = new PriceStore(5000);
    market = new SimulatedMarket({ store, tickMs: 10, random: seeded(2), historyLength: 10 });
    await market.start();
    await new Promise((r) => setTimeout(r, 300));
    const px = (s: string) => unitsToNumber(market!.price(s)!);
    expect(px("BTCUSDT")).toBeGreaterThan(90000 * 0.95);
    expect(px("BTCUSDT")).toBeLessThan(90000 * 1.05);
    expect(px("ETHBTC") / (px("ETHUSDT") / px("BTCUSDT"))).toBeCloseTo(1, 1);
    expect(px("XRPBNB") / (px("XRPUSDT") / px("BNBUSDT"))).toBeCloseTo(1, 1);
  });

  it("continues from the last known prices", async () => {
    const store = new PriceStore(5000);
    const start = new Map([["BTCUSDT", 5_000_000_000_000n], ["ETHUSDT", 250_000_000_000n]]);
    market = new SimulatedMarket({ store, startPrices: start, tickMs: 1000, random: seeded(3), historyLength: 10 });
    expect(unitsToNumber(market.price("BTCUSDT")!)).toBeCloseTo(50000, -1);
    expect(unitsToNumber(market.price("ETHBTC")!)).toBeCloseTo(0.05, 4);
  });

  it("has candle history for every pair and interval, aligned and ending at the current price", async () => {
    const store = new PriceStore(5000);
    market = new SimulatedMarket({ store, tickMs: 1000, random: seeded(4), historyLength: 1000 });
    await market.start();
    for (const p of PAIRS) {
      for (const interval of KLINE_INTERVALS) {
        const c = market.candles(p.symbol, interval);
        expect(c.length).toBe(1000);
        const gaps = c.slice(1).filter((k, i) => k.openTime - c[i]!.openTime !== INTERVAL_MS[interval]);
        expect(gaps).toEqual([]);
        const malformed = c.filter((k) => !(k.high >= Math.max(k.open, k.close) * 0.999999 && k.low <= Math.min(k.open, k.close) * 1.000001 && k.low > 0));
        expect(malformed).toEqual([]);
        const last = c[c.length - 1]!;
        expect(last.openTime).toBeLessThanOrEqual(Date.now());
        expect(last.openTime + INTERVAL_MS[interval]).toBeGreaterThan(Date.now());
        expect(last.close / unitsToNumber(market.price(p.symbol)!)).toBeCloseTo(1, 2);
      }
    }
    // weekly candles open on Mondays (UTC), as Binance's do
    expect(new Date(market.candles("BTCUSDT", "1w")[0]!.openTime).getUTCDay()).toBe(1);
  });

  it("publishes 24 h stats", async () => {
    const store = new PriceStore(5000);
    const tickers: Ticker[] = [];
    market = new SimulatedMarket({ store, tickMs: 1000, random: seeded(5), historyLength: 200, onTicker: (t) => tickers.push(t) });
    await market.start();
    const btc = tickers.find((t) => t.symbol === "BTCUSDT")!;
    expect(btc.high >= btc.low).toBe(true);
    expect(btc.volume).toBeGreaterThan(0);
    expect(store.get("BTCUSDT")!.stats?.open).toBe(btc.open);
  });
});
