"use client";
// Order entry for the selected pair: every type with the fields it needs (order-fields/), the cost,
// fee and lock from the server's preview before submitting, and the server's messages next to their
// field. Plain market and stop orders go through the original's endpoints as before; the other types
// through /api/orders and /api/orders/oco. The form never subscribes to ticks (a tick re-renders
// nothing here): the last price is read when an input changes, to pick a stop's SL/TP type.
import useSWR from "swr";
import { useState, type FormEvent } from "react";
import { apiFetch, swrFetcher } from "@/components/data/api-fetch";
import { formatAmount } from "@/components/format/format-number";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { refreshAccountData } from "@/components/layout/fill-notifier";
import { getQuote } from "@/components/live/market-socket";
import type { Order } from "@/components/orders/order";
import { AmountField } from "./order-fields/amount-field";
import { FIELD_NAMES, type FieldProps } from "./order-fields/field-props";
import { KindPicker, SidePicker } from "./order-fields/kind-picker";
import { LimitPriceField, TimeInForceField } from "./order-fields/limit-fields";
import { OrderLearnLinks } from "./order-fields/learn-links";
import { buildOrder, EMPTY_DRAFT, type Draft, type Kind } from "./order-fields/order-draft";
import { marketDone, ocoDone, orderDone, stopDone, type MarketAnswer } from "./order-fields/done-message";
import { PreviewBox } from "./order-fields/preview-box";
import { StopLimitPriceField, StopPriceField, TrailingFields } from "./order-fields/stop-fields";
import type { PairInfo, Wallet } from "./types";

const SUBMIT_WORD: Record<Kind, string> = { market: "", limit: "Place limit to ", stop: "Place stop to ", stop_limit: "Place stop-limit to ", trailing: "Place trailing stop to ", oco: "Place OCO to " };

/** Order entry for one pair; `initialWallet` is the server-rendered wallet. */
export function OrderForm({ pair, initialWallet }: { pair: PairInfo; initialWallet: Wallet }) {
  const { data: wallet } = useSWR<Wallet>("/api/wallet", swrFetcher, { fallbackData: initialWallet });
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set: FieldProps["set"] = (key, value) => setDraft((d) => ({ ...d, [key]: value }));
  const { kind, side } = draft;
  const spendCoin = side === "BUY" ? pair.quote : pair.base;
  const available = wallet?.balance[spendCoin] ?? 0;
  const built = buildOrder(draft, pair, getQuote(pair.symbol)?.price);
  const fields: FieldProps = { draft, set, pair, errors: errors.fields };

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The price now, not at the last keystroke, decides a stop's type.
    const order = buildOrder(draft, pair, getQuote(pair.symbol)?.price);
    if (!order.ok) {
      setErrors({ fields: {}, message: "Fill in every field first (and wait for a live price)." });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    setDone(undefined);
    const { path, body } = order.submit;
    try {
      if (path === "/api/order/market") setDone(marketDone(side, pair, await apiFetch<MarketAnswer>(path, { method: "POST", body })));
      else if (path === "/api/order/stoploss") {
        const r = await apiFetch<{ order_type: string }>(path, { method: "POST", body });
        setDone(stopDone(side, pair, draft.amount, draft.stop, r.order_type));
      } else if (path === "/api/orders/oco") setDone(ocoDone((await apiFetch<{ orders: Order[] }>(path, { method: "POST", body })).orders));
      else setDone(orderDone(await apiFetch<Order>(path, { method: "POST", body })));
      setDraft((d) => ({ ...EMPTY_DRAFT, kind: d.kind, side: d.side, amountIn: d.amountIn, tif: d.tif, postOnly: d.postOnly }));
      await refreshAccountData();
    } catch (err) {
      setErrors(formErrorsOf(err, FIELD_NAMES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="order-title">
      <h2 id="order-title">Place an order</h2>
      <KindPicker value={kind} onChange={(k) => set("kind", k)} />
      <SidePicker value={side} onChange={(s) => set("side", s)} />
      <form onSubmit={submit} aria-describedby="order-available">
        <p id="order-available" className="hint">
          Available: <span className="num">{formatAmount(available)}</span> {spendCoin}
        </p>
        <AmountField {...fields} />
        {(kind === "limit" || kind === "oco") && (
          <LimitPriceField {...fields} hint={kind === "oco" ? "The limit leg: above the market to sell, below it to buy." : "Buy at or below this price, sell at or above it."} />
        )}
        {(kind === "stop" || kind === "stop_limit" || kind === "oco") && (
          <StopPriceField {...fields} hint={kind === "oco" ? "The stop leg fires when a trade reaches it: below the market to sell, above it to buy." : "Fires when a market trade reaches this price; fills at that trade's price."} />
        )}
        {kind === "stop_limit" && <LimitPriceField {...fields} hint="Once the stop fires, the order becomes a limit order at this price." />}
        {kind === "oco" && <StopLimitPriceField {...fields} />}
        {kind === "trailing" && <TrailingFields {...fields} />}
        {(kind === "limit" || kind === "stop_limit") && <TimeInForceField {...fields} allowPostOnly={kind === "limit"} />}
        <PreviewBox kind={kind} side={side} bodies={built.ok ? built.previews : null} pair={pair} />
        {errors.message && (
          <p className="form-error" role="alert">
            {errors.message}
          </p>
        )}
        {done && (
          <p className="form-ok" role="status">
            {done}
          </p>
        )}
        <button type="submit" className={`btn ${side === "BUY" ? "btn-buy" : "btn-sell"}`} disabled={busy} style={{ width: "100%" }}>
          {busy ? "Sending…" : `${SUBMIT_WORD[kind]}${side === "BUY" ? "Buy" : "Sell"} ${pair.base}`}
        </button>
        <OrderLearnLinks kind={kind} />
      </form>
    </section>
  );
}
