"use client";
// Market and stop orders for the selected pair. Amount inputs step by the pair's lot size (a hint the
// browser enforces; the server checks it again) and the server's messages appear next to their field.
import Link from "next/link";
import useSWR from "swr";
import { LEARN_LINKS } from "@/lib/learn/article-links";
import { useState, type FormEvent } from "react";
import { apiFetch, swrFetcher } from "@/components/data/api-fetch";
import { formatAmount, formatPrice } from "@/components/format/format-number";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import { refreshAccountData } from "@/components/layout/fill-notifier";
import { useQuote } from "@/components/live/use-live";
import type { PairInfo, Wallet } from "./types";
import styles from "./order-form.module.css";

type Kind = "market" | "stop";
type Side = "BUY" | "SELL";

// Only subscribes to ticks while there is an amount to price.
function Estimate(props: { symbol: string; amount: string; stop: string; quote: string }) {
  return Number(props.amount) > 0 ? <LiveEstimate {...props} /> : null;
}

function LiveEstimate({ symbol, amount, stop, quote }: { symbol: string; amount: string; stop: string; quote: string }) {
  const q = useQuote(symbol);
  const price = Number(stop) || q?.price;
  const a = Number(amount);
  if (!price || !a) return null;
  return (
    <p className="hint" aria-live="off">
      About <span className="num">{formatPrice(a * price)}</span> {quote} before the fee
    </p>
  );
}

/** Order entry for one pair; `initialWallet` is the server-rendered wallet. */
export function OrderForm({ pair, initialWallet }: { pair: PairInfo; initialWallet: Wallet }) {
  const { data: wallet } = useSWR<Wallet>("/api/wallet", swrFetcher, { fallbackData: initialWallet });
  const [kind, setKind] = useState<Kind>("market");
  const [side, setSide] = useState<Side>("BUY");
  const [amount, setAmount] = useState("");
  const [stop, setStop] = useState("");
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const spendCoin = side === "BUY" ? pair.quote : pair.base;
  const available = wallet?.balance[spendCoin] ?? 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({ fields: {} });
    setDone(undefined);
    const body = { base: pair.base, quote: pair.quote, side, b_amount: amount, ...(kind === "stop" ? { stop } : {}) };
    try {
      if (kind === "market") {
        const r = await apiFetch<{ price: number; b_amount: number; fee: number }>("/api/order/market", { method: "POST", body });
        setDone(`${side === "BUY" ? "Bought" : "Sold"} ${formatAmount(r.b_amount)} ${pair.base} at ${formatPrice(r.price)} ${pair.quote} (fee ${formatAmount(r.fee)} ${pair.quote}).`);
      } else {
        const r = await apiFetch<{ order_type: string }>("/api/order/stoploss", { method: "POST", body });
        setDone(`Stop order placed (${r.order_type === "TP" ? "take-profit" : "stop-loss"}): ${side.toLowerCase()} ${amount} ${pair.base} at ${stop}.`);
      }
      setAmount("");
      setStop("");
      await refreshAccountData();
    } catch (err) {
      setErrors(formErrorsOf(err, ["b_amount", "stop"]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="order-title">
      <h2 id="order-title">Place an order</h2>
      <div role="group" aria-label="Order type" className={styles.toggle}>
        {(["market", "stop"] as const).map((k) => (
          <button key={k} type="button" className="btn btn-small" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {k === "market" ? "Market" : "Stop"}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Side" className={styles.toggle}>
        {(["BUY", "SELL"] as const).map((s) => (
          <button key={s} type="button" className={`btn btn-small ${styles[s.toLowerCase()]}`} aria-pressed={side === s} onClick={() => setSide(s)}>
            {s === "BUY" ? "Buy" : "Sell"}
          </button>
        ))}
      </div>
      <form onSubmit={submit} aria-describedby="order-available">
        <p id="order-available" className="hint">
          Available: <span className="num">{formatAmount(available)}</span> {spendCoin}
        </p>
        <TextField
          name="b_amount"
          id="order-amount"
          label={`Amount (${pair.base})`}
          type="number"
          inputMode="decimal"
          required
          min={pair.step}
          step={pair.step}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          hint={`In steps of ${pair.step} ${pair.base}.`}
          error={errors.fields.b_amount ? `Amount ${errors.fields.b_amount}` : undefined}
        />
        {kind === "stop" && (
          <TextField
            name="stop"
            id="order-stop"
            label={`Stop price (${pair.quote})`}
            type="number"
            inputMode="decimal"
            required
            min="0.00000001"
            step="0.00000001"
            value={stop}
            onChange={(e) => setStop(e.target.value)}
            hint="Fires when a market trade reaches this price; fills at that trade's price."
            error={errors.fields.stop ? `Stop price ${errors.fields.stop}` : undefined}
          />
        )}
        <Estimate symbol={pair.symbol} amount={amount} stop={kind === "stop" ? stop : ""} quote={pair.quote} />
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
          {busy ? "Sending…" : `${kind === "stop" ? "Place stop to " : ""}${side === "BUY" ? "Buy" : "Sell"} ${pair.base}`}
        </button>
        <p className="hint">
          {kind === "stop" ? (
            <>
              Learn: <Link href={LEARN_LINKS.stopOrder}>stop orders, SL and TP</Link> ·{" "}
              <Link href={LEARN_LINKS.fixedBalance}>locked funds</Link> · <Link href={LEARN_LINKS.fees}>fees</Link>
            </>
          ) : (
            <>
              Learn: <Link href={LEARN_LINKS.marketOrder}>market orders</Link> · <Link href={LEARN_LINKS.fees}>fees</Link>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
