"use client";
// Reset the account behind a confirmation dialog (native <dialog>: focus trapped, Escape closes).
import { useRef, useState } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf } from "@/components/ui/form-errors";
import { refreshAccountData } from "@/components/layout/fill-notifier";
import styles from "./reset-account.module.css";

/** The "reset account" button and its confirmation. */
export function ResetAccount() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  async function confirm() {
    setBusy(true);
    try {
      await apiFetch("/api/reset", { method: "PUT" });
      await refreshAccountData();
      setResult({ ok: true, text: "Your account was reset: open orders cancelled, 50,000 USDT again, order lists emptied." });
    } catch (err) {
      setResult({ ok: false, text: formErrorsOf(err, []).message ?? "The reset failed." });
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  }

  return (
    <div>
      <p className="muted">Cancels every open order, sets your balances back to 50,000 USDT and empties your order lists. Your watchlist stays.</p>
      {result && (
        <p className={result.ok ? "form-ok" : "form-error"} role="status">
          {result.text}
        </p>
      )}
      <button type="button" className="btn btn-danger" onClick={() => dialog.current?.showModal()}>
        Reset account…
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="reset-title" aria-describedby="reset-desc">
        <h2 id="reset-title">Reset your account?</h2>
        <p id="reset-desc">This cannot be undone. Your holdings and order history start over from 50,000 USDT.</p>
        <div className={styles.actions}>
          <button type="button" className="btn" autoFocus onClick={() => dialog.current?.close()}>
            Keep my account
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={confirm}>
            {busy ? "Resetting…" : "Yes, reset"}
          </button>
        </div>
      </dialog>
    </div>
  );
}
