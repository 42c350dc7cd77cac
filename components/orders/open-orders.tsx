"use client";
// The user's open stop orders with cancel and modify (amount and/or stop, re-classified by the server).
import { formText } from "@/components/ui/form-text";
import useSWR from "swr";
import { useState, type FormEvent } from "react";
import { apiFetch, swrFetcher } from "@/components/data/api-fetch";
import { formatAmount, formatPrice } from "@/components/format/format-number";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { refreshAccountData } from "@/components/layout/fill-notifier";
import type { Tx } from "@/components/trade/types";
import styles from "./open-orders.module.css";

function ModifyForm({ order, onDone }: { order: Tx; onDone: () => void }) {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const id = order.order_id;
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    setBusy(true);
    try {
      await apiFetch("/api/order/stoploss", { method: "PUT", body: { order_id: id, b_amount: formText(d, "b_amount"), stop: formText(d, "stop") } });
      await refreshAccountData();
      onDone();
    } catch (err) {
      setErrors(formErrorsOf(err, ["b_amount", "stop"]));
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className={styles.modify} aria-label={`Modify order ${id.slice(0, 8)}`}>
      <div className="field">
        <label htmlFor={`m-amt-${id}`}>Amount ({order.base})</label>
        <input id={`m-amt-${id}`} name="b_amount" className="input" type="number" step="any" min="0" defaultValue={order.b_amount} required aria-invalid={errors.fields.b_amount ? true : undefined} aria-describedby={errors.fields.b_amount ? `m-amt-${id}-e` : undefined} />
        {errors.fields.b_amount && <span id={`m-amt-${id}-e`} className="error">Amount {errors.fields.b_amount}</span>}
      </div>
      <div className="field">
        <label htmlFor={`m-stop-${id}`}>Stop ({order.quote})</label>
        <input id={`m-stop-${id}`} name="stop" className="input" type="number" step="any" min="0" defaultValue={order.stop ?? order.price ?? ""} required aria-invalid={errors.fields.stop ? true : undefined} aria-describedby={errors.fields.stop ? `m-stop-${id}-e` : undefined} />
        {errors.fields.stop && <span id={`m-stop-${id}-e`} className="error">Stop {errors.fields.stop}</span>}
      </div>
      {errors.message && <p className="error" role="alert">{errors.message}</p>}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}

function OrderRow({ o }: { o: Tx }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function cancel() {
    setBusy(true);
    setError(undefined);
    try {
      await apiFetch("/api/order/stoploss", { method: "DELETE", body: { order_id: o.order_id } });
      await refreshAccountData();
    } catch (err) {
      setError(formErrorsOf(err, []).message);
      setBusy(false);
    }
  }
  return (
    <li className={styles.row} data-testid="open-order">
      <div className={styles.summary}>
        <span className={o.side === "BUY" ? "up" : "down"}>{o.side === "BUY" ? "Buy" : "Sell"}</span>{" "}
        <span className="num">{formatAmount(o.b_amount)}</span> {o.base}/{o.quote}{" "}
        <span className="badge" title={o.order_type === "TP" ? "take-profit" : "stop-loss"}>
          {o.order_type}
        </span>
        <div className="muted">
          stop <span className="num">{formatPrice(o.price)}</span> · locked <span className="num">{formatAmount(o.fixed)}</span> · {o.date} {o.time}
        </div>
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn btn-small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          Modify
        </button>
        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={cancel} aria-label={`Cancel ${o.side.toLowerCase()} ${o.b_amount} ${o.base} stop order`}>
          {busy ? "Cancelling…" : "Cancel"}
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {editing && <ModifyForm order={o} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** Open orders list (SWR, refreshed after orders and fills). */
export function OpenOrders({ initial, title = "Open orders" }: { initial?: Tx[]; title?: string }) {
  const { data, error } = useSWR<{ open: Tx[] }, Error>("/api/transactions/open", swrFetcher, { fallbackData: initial ? { open: initial } : undefined });
  return (
    <section className="card" aria-labelledby="open-title">
      <h2 id="open-title">{title}</h2>
      {!data && !error && <div className="skeleton" style={{ height: 60 }} aria-label="Loading open orders" />}
      {error && !data && <p className="error">Open orders could not be loaded.</p>}
      {data && data.open.length === 0 && <p className="empty">No open orders. Place a stop order to see it here.</p>}
      {data && data.open.length > 0 && (
        <ul className={styles.list}>
          {data.open.map((o) => (
            <OrderRow key={o.order_id} o={o} />
          ))}
        </ul>
      )}
    </section>
  );
}
