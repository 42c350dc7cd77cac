"use client";
// The user's open orders of every type: type, prices (a trailing stop's current trigger), lock; an OCO's
// two legs grouped as one entry. Cancel from the list (an OCO cancels both legs); the original's stop
// orders can also be modified (amount and/or stop, re-classified by the server).
import { formText } from "@/components/ui/form-text";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formatAmount } from "@/components/format/format-number";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { refreshAccountData } from "@/components/layout/fill-notifier";
import { groupOrders, type OrderGroup } from "./group-orders";
import { typeLabel, type Order } from "./order";
import { orderPrices, shortTime } from "./order-prices";
import { useOpenOrders } from "./use-open-orders";
import styles from "./open-orders.module.css";

// The original's stop orders (SL/TP without trailing, not an OCO leg) keep their modify form.
const modifiable = (o: Order) => (o.type === "STOP_LOSS" || o.type === "TAKE_PROFIT") && o.trailing_delta == null && o.oco_id == null;

function ModifyForm({ order, onDone }: { order: Order; onDone: () => void }) {
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
        <input id={`m-amt-${id}`} name="b_amount" className="input" type="number" step="any" min="0" defaultValue={order.amount} required aria-invalid={errors.fields.b_amount ? true : undefined} aria-describedby={errors.fields.b_amount ? `m-amt-${id}-e` : undefined} />
        {errors.fields.b_amount && <span id={`m-amt-${id}-e`} className="error">Amount {errors.fields.b_amount}</span>}
      </div>
      <div className="field">
        <label htmlFor={`m-stop-${id}`}>Stop ({order.quote})</label>
        <input id={`m-stop-${id}`} name="stop" className="input" type="number" step="any" min="0" defaultValue={order.stop_price ?? ""} required aria-invalid={errors.fields.stop ? true : undefined} aria-describedby={errors.fields.stop ? `m-stop-${id}-e` : undefined} />
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

function Leg({ o, oco }: { o: Order; oco: boolean }) {
  return (
    <div className={styles.summary}>
      <span className={o.side === "BUY" ? "up" : "down"}>{o.side === "BUY" ? "Buy" : "Sell"}</span> <span className="num">{formatAmount(o.amount)}</span> {o.base}/{o.quote}{" "}
      <span className="badge" title={`${o.type}${o.time_in_force ? ` ${o.time_in_force}` : ""} (${o.order_type})`}>
        {oco ? "OCO · " : ""}
        {typeLabel(o)}
        {o.time_in_force && o.time_in_force !== "GTC" ? ` · ${o.time_in_force}` : ""}
      </span>
      <div className="muted">
        {orderPrices(o).map((p) => (
          <span key={p} className="num">
            {p} ·{" "}
          </span>
        ))}
        {!oco && (
          <>
            locked <span className="num">{formatAmount(o.lock.amount)}</span> {o.lock.coin} ·{" "}
          </>
        )}
        {shortTime(o.created_at)}
      </div>
    </div>
  );
}

function GroupRow({ g }: { g: OrderGroup }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const first = g.legs[0];
  if (!first) return null;
  const oco = g.oco_id !== null;
  const canModify = !oco && modifiable(first);
  async function cancel() {
    setBusy(true);
    setError(undefined);
    try {
      await apiFetch(oco ? `/api/orders/oco/${encodeURIComponent(g.oco_id ?? "")}` : `/api/orders/${encodeURIComponent(first?.order_id ?? "")}`, { method: "DELETE" });
      await refreshAccountData();
    } catch (err) {
      setError(formErrorsOf(err, []).message);
      setBusy(false);
    }
  }
  const what = oco ? "OCO" : typeLabel(first).toLowerCase();
  return (
    <li className={`${styles.row} ${oco ? styles.oco : ""}`} data-testid="open-order" data-order-type={oco ? "OCO" : first.type}>
      <div className={styles.legs}>
        {g.legs.map((o) => (
          <Leg key={o.order_id} o={o} oco={oco} />
        ))}
        {oco && (
          <div className="muted">
            One lock for both legs: <span className="num">{formatAmount(first.lock.amount)}</span> {first.lock.coin}. The first leg to fill ends the other.
          </div>
        )}
      </div>
      <div className={styles.actions}>
        {canModify && (
          <button type="button" className="btn btn-small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            Modify
          </button>
        )}
        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={cancel} aria-label={oco ? `Cancel both legs of the ${first.side.toLowerCase()} ${first.amount} ${first.base} OCO` : `Cancel ${first.side.toLowerCase()} ${first.amount} ${first.base} ${what} order`}>
          {busy ? "Cancelling…" : oco ? "Cancel both" : "Cancel"}
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {editing && <ModifyForm order={first} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** Open orders list (SWR, refreshed after orders and fills). */
export function OpenOrders({ initial, title = "Open orders" }: { initial?: Order[]; title?: string }) {
  const { data, error } = useOpenOrders(initial);
  const groups = data ? groupOrders(data.orders) : [];
  return (
    <section className="card" aria-labelledby="open-title">
      <h2 id="open-title">{title}</h2>
      {!data && !error && <div className="skeleton" style={{ height: 60 }} aria-label="Loading open orders" />}
      {error && !data && <p className="error">Open orders could not be loaded.</p>}
      {data && groups.length === 0 && <p className="empty">No open orders. Place a limit, stop or OCO order to see it here.</p>}
      {groups.length > 0 && (
        <ul className={styles.list}>
          {groups.map((g) => (
            <GroupRow key={g.key} g={g} />
          ))}
        </ul>
      )}
      {data?.next_cursor && <p className="hint">Showing the newest {data.orders.length} open orders.</p>}
    </section>
  );
}
