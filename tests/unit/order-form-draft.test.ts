// The order form's requests: which endpoint and body each type sends, what it previews, and when it
// waits for more input.
import { describe, expect, it } from "vitest";
import { buildOrder, classifyStop, EMPTY_DRAFT, percentToBips, type Draft } from "@/components/trade/order-fields/order-draft";

const BTC = { symbol: "BTCUSDT", base: "BTC", quote: "USDT", step: "0.00001" };
const draft = (d: Partial<Draft>): Draft => ({ ...EMPTY_DRAFT, amount: "0.01", ...d });

describe("the order form's requests", () => {
  it("sends a market order by base amount to the original's endpoint and previews it as MARKET", () => {
    const b = buildOrder(draft({ kind: "market" }), BTC, 90000);
    expect(b).toEqual({
      ok: true,
      submit: { path: "/api/order/market", body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: "0.01" } },
      previews: [{ symbol: "BTCUSDT", side: "BUY", type: "MARKET", amount: "0.01" }],
    });
  });

  it("sends 'spend 100 USDT' as a MARKET order by quote amount", () => {
    const b = buildOrder(draft({ kind: "market", amountIn: "quote", amount: "100" }), BTC, 90000);
    expect(b.ok && b.submit).toEqual({ path: "/api/orders", body: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quote_amount: "100" } });
  });

  it("sends a limit with its time in force, and post-only as LIMIT_MAKER without one", () => {
    const gtc = buildOrder(draft({ kind: "limit", price: "89500", tif: "IOC" }), BTC, 90000);
    expect(gtc.ok && gtc.submit.body).toEqual({ symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: "0.01", price: "89500", time_in_force: "IOC" });
    const maker = buildOrder(draft({ kind: "limit", price: "89500", tif: "IOC", postOnly: true }), BTC, 90000);
    expect(maker.ok && maker.submit.body).toEqual({ symbol: "BTCUSDT", side: "BUY", type: "LIMIT_MAKER", amount: "0.01", price: "89500" });
  });

  it("keeps the original's stop endpoint and previews the type the price makes it", () => {
    const b = buildOrder(draft({ kind: "stop", side: "SELL", stop: "89000" }), BTC, 90000);
    expect(b.ok && b.submit).toEqual({ path: "/api/order/stoploss", body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: "0.01", stop: "89000" } });
    expect(b.ok && b.previews).toEqual([{ symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS", amount: "0.01", stop_price: "89000" }]);
  });

  it("classifies stops as the product's SL/TP table", () => {
    expect(classifyStop("BUY", 91000, 90000)).toBe("STOP_LOSS");
    expect(classifyStop("BUY", 90000, 90000)).toBe("STOP_LOSS");
    expect(classifyStop("BUY", 89000, 90000)).toBe("TAKE_PROFIT");
    expect(classifyStop("SELL", 89000, 90000)).toBe("STOP_LOSS");
    expect(classifyStop("SELL", 90000, 90000)).toBe("STOP_LOSS");
    expect(classifyStop("SELL", 91000, 90000)).toBe("TAKE_PROFIT");
  });

  it("sends stop-limits as STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT with stop, limit and time in force", () => {
    const sl = buildOrder(draft({ kind: "stop_limit", side: "SELL", stop: "89000", price: "88900" }), BTC, 90000);
    expect(sl.ok && sl.submit.body).toEqual({ symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS_LIMIT", amount: "0.01", stop_price: "89000", price: "88900", time_in_force: "GTC" });
    const tp = buildOrder(draft({ kind: "stop_limit", side: "SELL", stop: "95000", price: "94900" }), BTC, 90000);
    expect(tp.ok && tp.submit.body.type).toBe("TAKE_PROFIT_LIMIT");
  });

  it("sends a trailing stop in basis points, with its activation price when given", () => {
    const now = buildOrder(draft({ kind: "trailing", side: "SELL", trailingPct: "1.5" }), BTC, 90000);
    expect(now.ok && now.submit.body).toEqual({ symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS", amount: "0.01", trailing_delta: 150 });
    const later = buildOrder(draft({ kind: "trailing", side: "SELL", trailingPct: "2", activation: "95000" }), BTC, 90000);
    expect(later.ok && later.submit.body).toEqual({ symbol: "BTCUSDT", side: "SELL", type: "TAKE_PROFIT", amount: "0.01", trailing_delta: 200, activation_price: "95000" });
  });

  it("sends an OCO to /api/orders/oco and previews both legs", () => {
    const b = buildOrder(draft({ kind: "oco", side: "SELL", price: "95000", stop: "85000", stopLimit: "84900" }), BTC, 90000);
    expect(b.ok && b.submit).toEqual({ path: "/api/orders/oco", body: { symbol: "BTCUSDT", side: "SELL", amount: "0.01", price: "95000", stop_price: "85000", stop_limit_price: "84900" } });
    expect(b.ok && b.previews.map((p) => p.type)).toEqual(["LIMIT_MAKER", "STOP_LOSS_LIMIT"]);
    const plain = buildOrder(draft({ kind: "oco", side: "SELL", price: "95000", stop: "85000" }), BTC, 90000);
    expect(plain.ok && plain.previews[1]).toEqual({ symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS", amount: "0.01", stop_price: "85000" });
  });

  it("waits while a needed field is empty, or while no price is known to classify a stop", () => {
    expect(buildOrder(draft({ kind: "market", amount: "" }), BTC, 90000).ok).toBe(false);
    expect(buildOrder(draft({ kind: "limit" }), BTC, 90000).ok).toBe(false);
    expect(buildOrder(draft({ kind: "stop", stop: "89000" }), BTC, undefined).ok).toBe(false);
    expect(buildOrder(draft({ kind: "trailing", trailingPct: "" }), BTC, 90000).ok).toBe(false);
    expect(buildOrder(draft({ kind: "oco", price: "95000" }), BTC, 90000).ok).toBe(false);
  });

  it("turns percentages into whole basis points and refuses anything finer than 0.01 %", () => {
    expect(percentToBips("1")).toBe(100);
    expect(percentToBips("0.1")).toBe(10);
    expect(percentToBips("2.55")).toBe(255);
    expect(percentToBips("20")).toBe(2000);
    expect(percentToBips("0.005")).toBeNull();
    expect(percentToBips("0")).toBeNull();
    expect(percentToBips("-1")).toBeNull();
    expect(percentToBips("1e2")).toBeNull();
  });
});
