// What the pages show from the order API's answers: preview totals and locks, grouped OCO legs, the
// price lines on the chart and the prices in the open-orders list.
import { describe, expect, it } from "vitest";
import { fromUnits, toUnits } from "@/components/format/decimal-units";
import { groupOrders } from "@/components/orders/group-orders";
import type { Order, Preview } from "@/components/orders/order";
import { orderPrices } from "@/components/orders/order-prices";
import { orderLines } from "@/components/charts/order-lines";
import { summarize, totalOf } from "@/components/trade/order-fields/preview-summary";

const BTC = { symbol: "BTCUSDT", base: "BTC", quote: "USDT", step: "0.00001" };

const order = (o: Partial<Order>): Order => ({
  order_id: "o1",
  order_no: 1,
  client_order_id: "c1",
  symbol: "BTCUSDT",
  base: "BTC",
  quote: "USDT",
  side: "BUY",
  type: "LIMIT",
  time_in_force: "GTC",
  status: "NEW",
  amount: 0.01,
  quote_amount: null,
  price: 89500,
  stop_price: null,
  trailing_delta: null,
  trigger_price: null,
  activation_price: null,
  oco_id: null,
  fill_price: null,
  fee: null,
  maker: null,
  lock: { coin: "USDT", amount: 895.895 },
  order_type: "L",
  created_at: "2026-12-01T10:00:00.000Z",
  updated_at: "2026-12-01T10:00:00.000Z",
  filled_at: null,
  ...o,
});

const preview = (p: Partial<Preview>): Preview => ({ price: 89500, amount: 0.01, quote_amount: 895, fee: 0.895, fee_rate: 0.001, maker: true, lock: { coin: "USDT", amount: 895.895 }, marketable: false, ...p });
const row = (s: ReturnType<typeof summarize>, label: string) => s?.rows.find((r) => r.label === label)?.value;

describe("exact display sums", () => {
  it("add and subtract 8-decimal numbers without float error", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fromUnits(toUnits(0.1) + toUnits(0.2))).toBe(0.3);
    expect(toUnits(1e-8)).toBe(1n);
    expect(toUnits(123456789.12345678)).toBe(12345678912345678n);
    expect(fromUnits(toUnits(900.005) + toUnits(0.900005))).toBe(900.905005);
    expect(totalOf("SELL", { quote_amount: 30000, fee: 30 })).toBe(29970);
  });
});

describe("the preview summary", () => {
  it("shows a resting BUY limit's cost, maker fee, total and lock", () => {
    const s = summarize("limit", "BUY", [preview({})], BTC);
    expect(row(s, "At your limit")).toBe("89,500.00 USDT");
    expect(row(s, "Cost")).toBe("895 USDT");
    expect(row(s, "Fee")).toBe("0.895 USDT (0.1 % maker)");
    expect(row(s, "You pay")).toBe("895.895 USDT");
    expect(row(s, "Locked")).toBe("895.895 USDT until it fills or you cancel");
    expect(s?.note).toMatch(/maker/);
  });

  it("shows a marketable order filling at once as taker, with nothing locked", () => {
    const s = summarize("market", "SELL", [preview({ price: 90000.5, quote_amount: 900.005, fee: 0.90001, maker: false, marketable: true, lock: { coin: "BTC", amount: 0 } })], BTC);
    expect(row(s, "At the last trade")).toBe("90,000.50 USDT");
    expect(row(s, "Proceeds")).toBe("900.005 USDT");
    expect(row(s, "You receive")).toBe("899.10499 USDT");
    expect(row(s, "Fee")).toMatch(/taker/);
    expect(row(s, "Locked")).toBe("nothing: it fills at once");
  });

  it("shows an OCO's one lock: a SELL locks the amount once, a BUY the larger leg", () => {
    const sell = summarize("oco", "SELL", [preview({ lock: { coin: "BTC", amount: 0.01 } }), preview({ price: 85000, lock: { coin: "BTC", amount: 0.01 } })], BTC);
    expect(row(sell, "Locked once, for both legs")).toBe("0.01 BTC until it fills or you cancel");
    const buy = summarize("oco", "BUY", [preview({ lock: { coin: "USDT", amount: 851.85 } }), preview({ price: 95000, lock: { coin: "USDT", amount: 950.95 } })], BTC);
    expect(row(buy, "Locked once, for both legs")).toBe("950.95 USDT until it fills or you cancel");
    expect(summarize("oco", "BUY", [preview({})], BTC)).toBeNull();
  });
});

describe("open orders", () => {
  it("group an OCO's legs into one entry, limit leg first, newest entries first", () => {
    const groups = groupOrders([
      order({ order_id: "old", created_at: "2026-12-01T09:00:00.000Z" }),
      order({ order_id: "stop-leg", type: "STOP_LOSS", price: null, stop_price: 85000, oco_id: "x", created_at: "2026-12-01T11:00:00.000Z" }),
      order({ order_id: "limit-leg", type: "LIMIT_MAKER", price: 95000, oco_id: "x", created_at: "2026-12-01T11:00:00.000Z" }),
    ]);
    expect(groups.map((g) => [g.key, g.legs.map((l) => l.order_id)])).toEqual([
      ["x", ["limit-leg", "stop-leg"]],
      ["old", ["old"]],
    ]);
  });

  it("write each type's prices, with a trailing stop's current trigger", () => {
    expect(orderPrices(order({}))).toEqual(["limit 89,500.00"]);
    expect(orderPrices(order({ type: "STOP_LOSS_LIMIT", stop_price: 89000, trigger_price: 89000, price: 88900 }))).toEqual(["stop 89,000.00 → limit 88,900.00"]);
    expect(orderPrices(order({ type: "STOP_LOSS_LIMIT", stop_price: 89000, trigger_price: null, price: 88900 }))).toEqual(["stop reached → limit 88,900.00"]);
    expect(orderPrices(order({ type: "STOP_LOSS", price: null, trailing_delta: 100, trigger_price: 89100.5, activation_price: 95000 }))).toEqual([
      "trigger 89,100.50 (trails 1 %, activates at 95,000.00)",
    ]);
  });
});

describe("the chart's order lines", () => {
  it("draw a limit at its price, a stop at its trigger, a stop-limit at both, and skip other pairs", () => {
    const lines = orderLines(
      [
        order({ order_id: "l" }),
        order({ order_id: "t", side: "SELL", type: "STOP_LOSS", price: null, trailing_delta: 150, trigger_price: 88650, stop_price: null }),
        order({ order_id: "sl", side: "SELL", type: "STOP_LOSS_LIMIT", stop_price: 89000, trigger_price: 89000, price: 88900 }),
        order({ order_id: "fired", type: "TAKE_PROFIT_LIMIT", stop_price: 87000, trigger_price: null, price: 87100 }),
        order({ order_id: "eth", symbol: "ETHUSDT" }),
      ],
      "BTCUSDT",
    );
    expect(lines.map((l) => [l.key, l.price, l.title, l.dotted])).toEqual([
      ["l:limit", 89500, "Buy limit", false],
      ["t:trigger", 88650, "Sell trailing stop", false],
      ["sl:trigger", 89000, "Sell stop-limit", false],
      ["sl:limit", 88900, "Sell limit after trigger", true],
      ["fired:limit", 87100, "Buy limit (stop reached)", false],
    ]);
    expect(lines[0]?.color).not.toBe(lines[1]?.color);
  });
});
