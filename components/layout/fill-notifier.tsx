"use client";
// Fills arrive over /ws: announce each one (a polite live region) and refresh wallet and order lists at
// once, wherever the user is in the app; any other change of the user's orders (placed elsewhere, an
// OCO leg expired, cancelled by a reset) refreshes the order lists.
import { useCallback, useState } from "react";
import { mutate } from "swr";
import { useFills, useOrderEvents } from "@/components/live/use-live";
import type { Fill } from "@/components/live/market-socket";
import styles from "./fill-notifier.module.css";

interface Toast extends Fill {
  key: number;
}

const TOAST_MS = 8000;
let counter = 0;

/** Refreshes every cached wallet, order and portfolio request (SWR keys under those paths). */
export function refreshAccountData(): Promise<unknown> {
  return mutate((key) => typeof key === "string" && /^\/api\/(wallet|transactions|orders|portfolio|myprofile)/.test(key));
}

/** Refreshes the order lists (and the wallet: a placed or ended order moves a lock). */
function refreshOrders(): Promise<unknown> {
  return mutate((key) => typeof key === "string" && /^\/api\/(wallet|transactions|orders)/.test(key));
}

/** Toasts for the user's fills. */
export function FillNotifier() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const onFill = useCallback((f: Fill) => {
    const key = ++counter;
    setToasts((t) => [...t, { ...f, key }].slice(-4));
    setTimeout(() => setToasts((t) => t.filter((x) => x.key !== key)), TOAST_MS);
    void refreshAccountData();
  }, []);
  useFills(onFill);
  const onOrder = useCallback(() => void refreshOrders(), []);
  useOrderEvents(onOrder);
  return (
    <div className={styles.region} aria-live="polite" role="region" aria-label="Order notifications">
      {toasts.map((t) => (
        <div key={t.key} className={`${styles.toast} ${t.outcome === "FILLED" ? styles.filled : styles.rejected}`} data-testid="fill-toast">
          <strong>{t.outcome === "FILLED" ? "Order filled" : "Order rejected"}</strong>
          <span className="muted">
            Order {t.orderId.slice(0, 8)}… {t.outcome === "FILLED" ? "was filled." : "could not be paid for and was rejected; its funds are free again."}
          </span>
          <button type="button" className="btn-link btn" onClick={() => setToasts((x) => x.filter((y) => y.key !== t.key))}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
