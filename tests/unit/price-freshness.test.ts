// One rule and one clock for price freshness: the boundary, the market clock (a replay's time), and the
// in-memory quote judged by the same rule as a recorded row.
import { afterEach, describe, expect, it } from "vitest";
import { resetMarketClock, setReplayClock } from "@/lib/market/market-clock";
import { isFresh, marketNow } from "@/lib/market/price-freshness";
import { PriceStore } from "@/lib/market/price-store";

afterEach(() => resetMarketClock());

describe("price freshness", () => {
  it("is fresh up to the maximum age and stale one millisecond after", () => {
    expect(isFresh(10_000, 15_000, 5_000)).toBe(true);
    expect(isFresh(10_000, 15_001, 5_000)).toBe(false);
  });

  it("calls a price from after now stale (a replay that started again)", () => {
    expect(isFresh(15_001, 15_000, 5_000)).toBe(false);
  });

  it("reads the market clock, which a replayed market sets", () => {
    setReplayClock({ marketAt: 42, paused: true });
    expect(marketNow()).toBe(42);
    resetMarketClock();
    expect(Math.abs(marketNow() - Date.now())).toBeLessThan(1000);
  });

  it("judges the in-memory quote by the same rule and clock as a recorded row", () => {
    const store = new PriceStore(5_000);
    store.setConnected(true, 0);
    const q = store.recordTrade({ symbol: "BTCUSDT", price: 1n, qty: 1, tradeId: "1", time: 1_000, receivedAt: 1_000 }, "binance");
    setReplayClock({ marketAt: 6_000, paused: true });
    expect(store.isStale(q)).toBe(!isFresh(q.receivedAt, 6_000, 5_000));
    expect(store.isStale(q)).toBe(false);
    setReplayClock({ marketAt: 6_001, paused: true });
    expect(store.isStale(q)).toBe(true);
  });
});
