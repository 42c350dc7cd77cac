import { describe, expect, it } from "vitest";
import { TrailingIndex } from "@/lib/market/trailing-index";
import type { OpenOrder } from "@/lib/trading/open-order";
import { trailingFires, trailingTrigger } from "@/lib/trading/trailing-stop";

const order = (id: string, side: "BUY" | "SELL", delta: number): OpenOrder => ({
  id, portfolioId: "u", symbol: "BTCUSDT", side, type: "SL", amount: 1n, stopPrice: null, lockCoin: "USDT", lockAmount: 1n, version: 0, trailingDelta: delta,
});

describe("trailing stop rule", () => {
  it("fires a SELL delta below its watermark and a BUY delta above, exactly", () => {
    // 100 bips = 1 %: watermark 10000 -> trigger 9900
    expect(trailingTrigger("SELL", 10_000n, 100)).toBe(9_900n);
    expect(trailingFires("SELL", 10_000n, 100, 9_900n)).toBe(true);
    expect(trailingFires("SELL", 10_000n, 100, 9_901n)).toBe(false);
    expect(trailingTrigger("BUY", 10_000n, 100)).toBe(10_100n);
    expect(trailingFires("BUY", 10_000n, 100, 10_100n)).toBe(true);
    expect(trailingFires("BUY", 10_000n, 100, 10_099n)).toBe(false);
    // rounding: the trigger is the first 1e-8 unit that fires
    expect(trailingTrigger("BUY", 333n, 10)).toBe(334n);
    expect(trailingFires("BUY", 333n, 10, 334n)).toBe(true);
    expect(trailingFires("BUY", 333n, 10, 333n)).toBe(false);
  });
});

describe("trailing index", () => {
  it("tracks the highest price since activation for SELL orders and fires on the pullback", () => {
    const idx = new TrailingIndex();
    idx.upsert(order("a", "SELL", 100), 10_000n);
    expect(idx.take(10_500n)).toEqual([]);
    expect(idx.watermark("a")).toBe(10_500n);
    idx.upsert(order("b", "SELL", 100), 10_400n); // activated later, at a lower price
    expect(idx.take(10_396n)).toEqual([]); // 10500 * 0.99 = 10395: not yet
    const fired = idx.take(10_395n);
    expect(fired.map((o) => o.id)).toEqual(["a"]);
    expect(fired[0]?.watermark).toBe(10_500n);
    expect(idx.watermark("b")).toBe(10_400n);
    expect(idx.take(10_296n).map((o) => o.id)).toEqual(["b"]); // 10400 * 0.99 = 10296
    expect(idx.size).toBe(0);
  });

  it("tracks the lowest price for BUY orders", () => {
    const idx = new TrailingIndex();
    idx.upsert(order("a", "BUY", 200), 10_000n);
    idx.take(9_000n);
    expect(idx.watermark("a")).toBe(9_000n);
    expect(idx.take(9_179n)).toEqual([]);
    expect(idx.take(9_180n).map((o) => o.id)).toEqual(["a"]);
  });

  it("does not fire cancelled orders", () => {
    const idx = new TrailingIndex();
    idx.upsert(order("a", "SELL", 100), 10_000n);
    idx.upsert(order("b", "SELL", 100), 10_000n);
    idx.remove("a");
    expect(idx.take(1n).map((o) => o.id)).toEqual(["b"]);
  });

  it("agrees with a per-order watermark scan on random walks", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const idx = new TrailingIndex();
    const live = new Map<string, { o: OpenOrder; wm: bigint }>();
    let price = 100_000n;
    for (let i = 0; i < 5000; i++) {
      price += BigInt(Math.floor(rnd() * 2001) - 1000);
      if (price < 1000n) price = 1000n;
      if (rnd() < 0.3) {
        const side = rnd() < 0.5 ? "SELL" : "BUY";
        const o = order(`o${i}`, side, [10, 50, 100][Math.floor(rnd() * 3)] as number);
        idx.upsert(o, price);
        live.set(o.id, { o, wm: price });
      } else if (rnd() < 0.05 && live.size) {
        const id = [...live.keys()][Math.floor(rnd() * live.size)] as string;
        idx.remove(id);
        live.delete(id);
      } else {
        const expected = [...live.values()].filter((x) => trailingFires(x.o.side, x.wm, x.o.trailingDelta ?? 0, price)).map((x) => x.o.id);
        const fired = idx.take(price);
        expect(new Set(fired.map((o) => o.id))).toEqual(new Set(expected));
        for (const f of fired) {
          expect(f.watermark).toBe(live.get(f.id)?.wm);
          live.delete(f.id);
        }
        for (const x of live.values()) x.wm = x.o.side === "SELL" ? (price > x.wm ? price : x.wm) : price < x.wm ? price : x.wm;
        for (const [id, x] of live) expect(idx.watermark(id)).toBe(x.wm);
      }
    }
  });
});

describe("trailing index: moved watermarks for persistence", () => {
  // Plays random activations and trades, draining the moved classes now and then and applying each as
  // the guarded update record-watermarks.ts sends (a model of the Order rows): after every drain each
  // held order's recorded watermark is exactly its live one.
  it.each(["SELL", "BUY"] as const)("the drained ranges bring every recorded %s watermark to its live one", (side) => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const idx = new TrailingIndex();
    const recorded = new Map<string, { delta: number; wm: bigint }>();
    const toward = (a: bigint, b: bigint) => (side === "SELL" ? a < b : a > b);
    let price = 10_000n;
    for (let step = 0; step < 3000; step++) {
      price += BigInt(Math.floor(rand() * 41) - 20);
      if (rand() < 0.3) {
        const delta = rand() < 0.5 ? 10 : 30;
        const o = order(`o${step}`, side, delta);
        idx.upsert(o, price);
        recorded.set(o.id, { delta, wm: price }); // recordActivations writes the first watermark
      }
      for (const o of idx.take(price)) recorded.delete(o.id);
      if (step % 7 === 0) {
        for (const m of idx.drainMoved()) {
          for (const o of m.orders) {
            const r = recorded.get(o.id);
            if (r && toward(r.wm, m.watermark)) r.wm = m.watermark;
          }
        }
        for (const [id, r] of recorded) expect(r.wm, `order ${id} at step ${step}`).toBe(idx.watermark(id));
      }
    }
    expect(recorded.size).toBeGreaterThan(0);
  });

  it("reports each moved class once, with its held members only", () => {
    const idx = new TrailingIndex();
    idx.upsert(order("a", "SELL", 100), 10_000n);
    idx.upsert(order("b", "SELL", 100), 10_000n);
    idx.upsert(order("c", "SELL", 100), 9_990n);
    expect(idx.drainMoved()).toEqual([]); // activations are recorded by themselves
    idx.take(10_050n);
    idx.take(10_080n);
    idx.remove("b");
    const moved = idx.drainMoved();
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ side: "SELL", watermark: 10_080n });
    expect(moved[0]!.orders.map((o) => o.id).sort()).toEqual(["a", "c"]);
    expect(idx.drainMoved()).toEqual([]);
  });
});
