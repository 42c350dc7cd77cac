import { describe, expect, it } from "vitest";
import { TriggerIndex } from "@/lib/market/trigger-index";
import type { OpenOrder as OpenStopOrder } from "@/lib/trading/open-order";
import type { Side, StopType } from "@/lib/trading/stop-order";

let n = 0;
const order = (side: Side, type: StopType, stop: bigint, extra: Partial<OpenStopOrder> = {}): OpenStopOrder => ({
  id: `o${++n}`,
  portfolioId: "u1",
  symbol: "BTCUSDT",
  side,
  type,
  amount: 1n,
  stopPrice: stop,
  lockCoin: "USDT",
  lockAmount: 0n,
  version: 0,
  ...extra,
});
const ids = (orders: OpenStopOrder[]) => orders.map((o) => o.id);

describe("trigger index", () => {
  it("fires up-orders (BUY SL, SELL TP) when the price reaches or exceeds the stop, lowest stop first", () => {
    const idx = new TriggerIndex();
    const a = order("BUY", "SL", 110n);
    const b = order("SELL", "TP", 105n);
    const c = order("BUY", "SL", 120n);
    for (const o of [a, b, c]) idx.upsert(o);
    expect(idx.take(104n)).toEqual([]);
    expect(ids(idx.take(110n))).toEqual([b.id, a.id]);
    expect(idx.size).toBe(1);
    expect(ids(idx.take(200n))).toEqual([c.id]);
    expect(idx.size).toBe(0);
  });

  it("fires down-orders (SELL SL, BUY TP) when the price reaches or falls below the stop, highest stop first", () => {
    const idx = new TriggerIndex();
    const a = order("SELL", "SL", 90n);
    const b = order("BUY", "TP", 95n);
    const c = order("SELL", "SL", 80n);
    idx.load([a, b, c]);
    expect(idx.take(96n)).toEqual([]);
    expect(ids(idx.take(90n))).toEqual([b.id, a.id]);
    expect(ids(idx.take(1n))).toEqual([c.id]);
  });

  it("a trade exactly at the stop fires, one unit away does not", () => {
    const idx = new TriggerIndex();
    const up = order("BUY", "SL", 100n);
    const down = order("SELL", "SL", 50n);
    idx.load([up, down]);
    expect(idx.take(99n)).toEqual([]);
    expect(ids(idx.take(100n))).toEqual([up.id]);
    expect(idx.take(51n)).toEqual([]);
    expect(ids(idx.take(50n))).toEqual([down.id]);
  });

  it("orders on the same stop fire oldest first, through load and upsert alike", () => {
    const idx = new TriggerIndex();
    const first = order("BUY", "SL", 100n);
    const second = order("SELL", "TP", 100n);
    idx.load([first, second]);
    const third = order("BUY", "SL", 100n);
    idx.upsert(third);
    expect(ids(idx.take(100n))).toEqual([first.id, second.id, third.id]);
  });

  it("fires both sides in one tick when the price is past both triggers", () => {
    const idx = new TriggerIndex();
    const up = order("BUY", "SL", 100n);
    const down = order("SELL", "SL", 120n);
    const neither = order("SELL", "SL", 90n);
    idx.load([up, down, neither]);
    expect(ids(idx.take(110n))).toEqual([up.id, down.id]);
    expect(ids(idx.orders())).toEqual([neither.id]);
  });

  it("removes by id, and a removed order never fires", () => {
    const idx = new TriggerIndex();
    const tied = [order("BUY", "SL", 100n), order("BUY", "SL", 100n), order("BUY", "SL", 100n)];
    idx.load(tied);
    expect(idx.remove(tied[1]!.id)?.id).toBe(tied[1]!.id);
    expect(idx.remove(tied[1]!.id)).toBeUndefined();
    expect(idx.remove("nope")).toBeUndefined();
    expect(ids(idx.take(100n))).toEqual([tied[0]!.id, tied[2]!.id]);
  });

  it("updates an order's stop and direction, and ignores an older version", () => {
    const idx = new TriggerIndex();
    const o = order("BUY", "SL", 100n, { version: 1 });
    idx.upsert(o);
    // modified: now a dip buy at 80 (direction down)
    expect(idx.upsert({ ...o, type: "TP", stopPrice: 80n, version: 2 })).toBe(true);
    expect(idx.upsert({ ...o, version: 1 })).toBe(false); // a late read of the old row
    expect(idx.take(150n)).toEqual([]);
    const fired = idx.take(80n);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ id: o.id, version: 2, stopPrice: 80n });
  });

  it("an amount-only change keeps the order's place among equal stops", () => {
    const idx = new TriggerIndex();
    const a = order("BUY", "SL", 100n);
    const b = order("BUY", "SL", 100n);
    idx.load([a, b]);
    idx.upsert({ ...a, amount: 5n, version: 1 });
    const fired = idx.take(100n);
    expect(ids(fired)).toEqual([a.id, b.id]);
    expect(fired[0]!.amount).toBe(5n);
  });

  it("fires 1,000 orders in one tick and leaves the rest armed", () => {
    const idx = new TriggerIndex();
    const orders: OpenStopOrder[] = [];
    for (let i = 0; i < 5000; i++) orders.push(order("BUY", "SL", BigInt(1000 + i)));
    idx.load(orders.slice().reverse());
    const fired = idx.take(1999n);
    expect(fired).toHaveLength(1000);
    expect(fired.map((o) => o.stopPrice)).toEqual(orders.slice(0, 1000).map((o) => o.stopPrice));
    expect(idx.size).toBe(4000);
    expect(idx.nearest().up).toBe(2000n);
  });

  it("agrees with a brute-force scan on random operations", () => {
    const idx = new TriggerIndex();
    const live = new Map<string, OpenStopOrder>();
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const sides: Side[] = ["BUY", "SELL"];
    const types: StopType[] = ["SL", "TP"];
    for (let step = 0; step < 3000; step++) {
      const r = rnd();
      if (r < 0.5) {
        const o = order(sides[Math.floor(rnd() * 2)]!, types[Math.floor(rnd() * 2)]!, BigInt(Math.floor(rnd() * 200)));
        idx.upsert(o);
        live.set(o.id, o);
      } else if (r < 0.65 && live.size) {
        const id = [...live.keys()][Math.floor(rnd() * live.size)]!;
        idx.remove(id);
        live.delete(id);
      } else {
        const price = BigInt(Math.floor(rnd() * 200));
        const fired = idx.take(price);
        const expected = [...live.values()].filter((o) =>
          (o.side === "BUY") === (o.type === "SL") ? price >= (o.stopPrice ?? 0n) : price <= (o.stopPrice ?? 0n),
        );
        expect(new Set(ids(fired))).toEqual(new Set(ids(expected)));
        for (const o of expected) live.delete(o.id);
      }
      expect(idx.size).toBe(live.size);
    }
  });

  it("stays correct after many removals (dead entries compacted away)", () => {
    const idx = new TriggerIndex();
    const orders = Array.from({ length: 3000 }, (_, i) => order(i % 2 ? "BUY" : "SELL", "SL", BigInt(1000 + i)));
    idx.load(orders);
    const kept = orders.filter((_, i) => i % 3 === 0); // both sides
    for (const o of orders) if (!kept.includes(o)) expect(idx.remove(o.id)).toBeDefined();
    expect(idx.size).toBe(kept.length);
    // BUY SL fire going up, SELL SL going down: a high price fires the BUYs, a low one the SELLs
    const ups = idx.take(10_000n);
    expect(ups.length).toBeGreaterThan(0);
    const downs = idx.take(0n);
    expect(new Set(ids([...ups, ...downs]))).toEqual(new Set(ids(kept)));
    expect(idx.size).toBe(0);
    expect(idx.nearest()).toEqual({ up: undefined, down: undefined });
  });

  it("loads 100,000 orders quickly", () => {
    const orders: OpenStopOrder[] = [];
    for (let i = 0; i < 100_000; i++) orders.push(order(i % 2 ? "BUY" : "SELL", i % 3 ? "SL" : "TP", BigInt(Math.floor(Math.random() * 1e12))));
    const idx = new TriggerIndex();
    const t0 = performance.now();
    idx.load(orders);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(idx.size).toBe(100_000);
  });
});
