// What the order form holds, and the requests it makes from that: the order to submit (the original's
// endpoints for plain market and stop orders, /api/orders and /api/orders/oco for the rest) and the
// bodies to preview (POST /api/orders/preview; an OCO previews each leg: its limit leg is a LIMIT_MAKER). Pure, so it is unit-tested.
import type { OrderSide, OrderType, TimeInForce } from "@/components/orders/order";
import type { PairInfo } from "../types";

export type Kind = "market" | "limit" | "stop" | "stop_limit" | "trailing" | "oco";
export const KINDS: readonly { kind: Kind; label: string }[] = [
  { kind: "market", label: "Market" },
  { kind: "limit", label: "Limit" },
  { kind: "stop", label: "Stop" },
  { kind: "stop_limit", label: "Stop-limit" },
  { kind: "trailing", label: "Trailing" },
  { kind: "oco", label: "OCO" },
];

export interface Draft {
  kind: Kind;
  side: OrderSide;
  /** market orders only: the amount is in the base coin, or "spend/receive" in the quote coin */
  amountIn: "base" | "quote";
  amount: string;
  /** limit price (limit, stop-limit, the OCO's limit leg) */
  price: string;
  /** stop price (stop, stop-limit, the OCO's stop leg) */
  stop: string;
  /** the OCO's stop leg as a stop-limit at this price (optional) */
  stopLimit: string;
  trailingPct: string;
  activation: string;
  tif: TimeInForce;
  postOnly: boolean;
}

export const EMPTY_DRAFT: Draft = {
  kind: "market",
  side: "BUY",
  amountIn: "base",
  amount: "",
  price: "",
  stop: "",
  stopLimit: "",
  trailingPct: "",
  activation: "",
  tif: "GTC",
  postOnly: false,
};

export type Body = Record<string, string | number>;
export interface Submit {
  path: "/api/order/market" | "/api/order/stoploss" | "/api/orders" | "/api/orders/oco";
  body: Body;
}
export type Built = { ok: true; submit: Submit; previews: Body[] } | { ok: false };

const filled = (s: string) => s.trim() !== "" && Number(s) > 0;

/** A percentage text ("1.5") as basis points (150), or null when it is not a number with at most 2 decimals. */
export function percentToBips(pct: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(pct.trim());
  if (!m) return null;
  const bips = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bips > 0 ? bips : null;
}

/**
 * STOP_LOSS or TAKE_PROFIT for a stop (or a trailing stop's activation) at `stop` when the last trade is
 * `last`: the product's SL/TP table (BUY stop >= price: SL, below: TP; SELL stop <= price: SL, above: TP),
 * which is also Binance's rule for which type a stop price on that side of the market is.
 */
export function classifyStop(side: OrderSide, stop: number, last: number): "STOP_LOSS" | "TAKE_PROFIT" {
  if (side === "BUY") return stop >= last ? "STOP_LOSS" : "TAKE_PROFIT";
  return stop <= last ? "STOP_LOSS" : "TAKE_PROFIT";
}

/** The order and its preview bodies, or `{ok:false}` while a field it needs is empty (or no price is known to classify a stop). */
export function buildOrder(d: Draft, pair: PairInfo, last: number | undefined): Built {
  const symbol = pair.symbol;
  const side = d.side;
  if (!filled(d.amount)) return { ok: false };
  const amount = d.amount.trim();
  const native = (type: OrderType, extra: Body): Body => ({ symbol, side, type, amount, ...extra });
  const orders = (body: Body): Built => ({ ok: true, submit: { path: "/api/orders", body }, previews: [body] });

  switch (d.kind) {
    case "market": {
      if (d.amountIn === "quote") return orders({ symbol, side, type: "MARKET", quote_amount: amount });
      return {
        ok: true,
        submit: { path: "/api/order/market", body: { base: pair.base, quote: pair.quote, side, b_amount: amount } },
        previews: [native("MARKET", {})],
      };
    }
    case "limit": {
      if (!filled(d.price)) return { ok: false };
      const price = d.price.trim();
      return orders(d.postOnly ? native("LIMIT_MAKER", { price }) : native("LIMIT", { price, time_in_force: d.tif }));
    }
    case "stop": {
      if (!filled(d.stop) || last === undefined) return { ok: false };
      const stop = d.stop.trim();
      return {
        ok: true,
        submit: { path: "/api/order/stoploss", body: { base: pair.base, quote: pair.quote, side, b_amount: amount, stop } },
        previews: [native(classifyStop(side, Number(stop), last), { stop_price: stop })],
      };
    }
    case "stop_limit": {
      if (!filled(d.stop) || !filled(d.price) || last === undefined) return { ok: false };
      const stop = d.stop.trim();
      const type = classifyStop(side, Number(stop), last) === "STOP_LOSS" ? "STOP_LOSS_LIMIT" : "TAKE_PROFIT_LIMIT";
      return orders(native(type, { stop_price: stop, price: d.price.trim(), time_in_force: d.tif }));
    }
    case "trailing": {
      const bips = percentToBips(d.trailingPct);
      if (bips === null) return { ok: false };
      if (!filled(d.activation)) return orders(native("STOP_LOSS", { trailing_delta: bips }));
      if (last === undefined) return { ok: false };
      const activation = d.activation.trim();
      return orders(native(classifyStop(side, Number(activation), last), { trailing_delta: bips, activation_price: activation }));
    }
    case "oco": {
      if (!filled(d.price) || !filled(d.stop)) return { ok: false };
      const price = d.price.trim();
      const stop = d.stop.trim();
      const stopLimit = filled(d.stopLimit) ? d.stopLimit.trim() : undefined;
      const body: Body = { symbol, side, amount, price, stop_price: stop, ...(stopLimit ? { stop_limit_price: stopLimit } : {}) };
      const stopLeg = stopLimit ? native("STOP_LOSS_LIMIT", { stop_price: stop, price: stopLimit, time_in_force: "GTC" }) : native("STOP_LOSS", { stop_price: stop });
      return { ok: true, submit: { path: "/api/orders/oco", body }, previews: [native("LIMIT_MAKER", { price }), stopLeg] };
    }
  }
}
