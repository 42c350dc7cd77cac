import { describe, expect, it } from "vitest";
import { findPair } from "@/lib/markets";
import { parseDecimal } from "@/lib/money";
import { planOrder, type OrderRequest } from "@/lib/trading/order-plan";
import { armOf } from "@/lib/trading/open-order";

const pair = findPair("BTCUSDT")!;
const u = parseDecimal;
const last = u("90000");
const req = (r: Partial<OrderRequest>): OrderRequest => ({ pair, side: "BUY", type: "LIMIT", amount: u("0.1"), ...r });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe("order plan (the one set of rules)", () => {
  it("market by quote amount floors to the lot step; fee rounds up", () => {
    const p = planOrder(req({ type: "MARKET", amount: undefined, quoteAmount: u("1000") }), last);
    expect(p).toMatchObject({ action: "fill", amount: u("0.01111"), price: last, maker: false });
    expect(p.amounts.fee).toBe(u("0.9999"));
  });

  it("limits: marketable fills at the last price (taker), else rests with the lock at its price; IOC expires", () => {
    expect(planOrder(req({ price: u("95000") }), last)).toMatchObject({ action: "fill", price: last, maker: false });
    const rest = planOrder(req({ price: u("89000") }), last);
    expect(rest).toMatchObject({ action: "rest", maker: true, lock: { coin: "USDT", amount: u("8908.9") } });
    expect(planOrder(req({ price: u("89000"), timeInForce: "IOC" }), last)).toMatchObject({ action: "expire", lock: { amount: 0n } });
    expect(planOrder(req({ side: "SELL", price: u("91000") }), last)).toMatchObject({ action: "rest", lock: { coin: "BTC", amount: u("0.1") } });
    expect(code(() => planOrder(req({ type: "LIMIT_MAKER", price: u("90000") }), last))).toBe("WOULD_TAKE");
  });

  it("stops: direction per type and side; already crossed is refused", () => {
    expect(planOrder(req({ type: "STOP_LOSS", stopPrice: u("91000") }), last).action).toBe("rest"); // BUY SL fires >=
    expect(code(() => planOrder(req({ type: "STOP_LOSS", stopPrice: u("89000") }), last))).toBe("WOULD_TRIGGER_IMMEDIATELY");
    expect(planOrder(req({ type: "TAKE_PROFIT", stopPrice: u("89000") }), last).action).toBe("rest"); // BUY TP fires <=
    expect(code(() => planOrder(req({ side: "SELL", type: "STOP_LOSS", stopPrice: u("90000") }), last))).toBe("WOULD_TRIGGER_IMMEDIATELY");
    expect(code(() => planOrder(req({ type: "STOP_LOSS", stopPrice: u("91000"), price: u("1") }), last))).toBe("VALIDATION_FAILED");
  });

  it("trailing: active at once with the last price as watermark, or waiting for its activation price", () => {
    const now = planOrder(req({ side: "SELL", type: "STOP_LOSS", trailingDelta: 100 }), last);
    expect(now).toMatchObject({ action: "rest", watermark: last, activationPrice: null, stopPrice: null });
    const later = planOrder(req({ side: "SELL", type: "TAKE_PROFIT", trailingDelta: 100, activationPrice: u("95000") }), last);
    expect(later).toMatchObject({ watermark: null, activationPrice: u("95000") });
    expect(code(() => planOrder(req({ side: "SELL", type: "STOP_LOSS", trailingDelta: 5 }), last))).toBe("VALIDATION_FAILED");
    // a BUY trailing stop locks at its first trigger: 90000 x 1.01 = 90900 (+ fee)
    expect(planOrder(req({ type: "STOP_LOSS", trailingDelta: 100 }), last).lock.amount).toBe(u("9099.09"));
  });

  it("armOf: how each open order waits", () => {
    const base = { id: "o", portfolioId: "u", symbol: "BTCUSDT", amount: 1n, lockCoin: "USDT", lockAmount: 1n, version: 0, stopPrice: null };
    expect(armOf({ ...base, side: "BUY", type: "L", limitPrice: 5n })).toEqual({ kind: "limit", dir: "down", price: 5n });
    expect(armOf({ ...base, side: "SELL", type: "SLL", stopPrice: 4n, limitPrice: 3n })).toEqual({ kind: "stop", dir: "down", price: 4n });
    expect(armOf({ ...base, side: "SELL", type: "SLL", stopPrice: 4n, limitPrice: 3n, triggeredAt: 1 })).toEqual({ kind: "limit", dir: "up", price: 3n });
    expect(armOf({ ...base, side: "SELL", type: "TP", trailingDelta: 50, activationPrice: 9n })).toEqual({ kind: "activation", dir: "up", price: 9n });
    expect(armOf({ ...base, side: "SELL", type: "TP", trailingDelta: 50, watermark: 9n })).toEqual({ kind: "trailing", watermark: 9n, delta: 50 });
  });
});
