// One rule and one clock for price freshness: the boundary, the pluggable market clock, and the
// in-memory quote judged by the same rule as a recorded row.
import { afterEach, describe, expect, it } from "vitest";
import { isFresh, marketNow, setMarketClock } from "@/lib/market/price-freshness";
import { PriceStore } from "@/lib/market/price-store";

afterEach(() => setMarketClock(null));

describe("price freshness", () => {
  it("is fresh up to the maximum age and stale one millisecond after", () => {
    expect(isFresh(10_000, 15_000, 5_000)).toBe(true);
    expect(isFresh(10_000, 15_001, 5_000)).toBe(false);
  });

  it("reads one market clock that a replayed market can replace", () => {
    setMarketClock(() => 42);
    expect(marketNow()).toBe(42);
    setMarketClock(null);
    expect(Math.abs(marketNow() - Date.now())).toBeLessThan(1000);
  });

  it("judges the in-memory quote by the same rule and clock as a recorded row", () => {
    const store = new PriceStore(5_000);
    store.setConnected(true, 0);
    const q = store.recordTrade({ symbol: "BTCUSDT", price: 1n, qty: 1, tradeId: "1", time: 1_000, receivedAt: 1_000 }, "binance");
    setMarketClock(() => 6_000);
    expect(store.isStale(q)).toBe(!isFresh(q.receivedAt, 6_000, 5_000));
    expect(store.isStale(q)).toBe(false);
    setMarketClock(() => 6_001);
    expect(store.isStale(q)).toBe(true);
  });
});
