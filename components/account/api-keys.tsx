"use client";
// The Profile page's "API keys" section: create a key for the Binance-compatible API (label, Trade box),
// show its key and secret once with copy buttons, list the active keys and revoke them.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import useSWR from "swr";
import { apiFetch, swrFetcher } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import styles from "./api-keys.module.css";
import { RowDangerButton } from "@/components/ui/row-danger-button";

export interface ApiKeyRow {
  id: string;
  label: string;
  apiKey: string;
  type: string;
  permissions: string[];
  created_at: string;
  last_used_at: string | null;
}

interface Created {
  label: string;
  apiKey: string;
  secretKey?: string;
}

const KEYS = "/api/keys";
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={styles.copyRow}>
        <input id={id} className={`input ${styles.mono}`} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

/** The API keys section; `initial` is the server-rendered list. */
export function ApiKeys({ initial }: { initial: ApiKeyRow[] }) {
  const { data, mutate } = useSWR<{ keys: ApiKeyRow[] }>(KEYS, swrFetcher, { fallbackData: { keys: initial } });
  const keys = data?.keys ?? initial;
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created>();
  const [listError, setListError] = useState<string>();

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const d = new FormData(form);
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const raw = d.get("label");
      const label = typeof raw === "string" ? raw.trim() : "";
      const permissions = d.get("trade") ? ["READ", "TRADE"] : ["READ"];
      const key = await apiFetch<Created>(KEYS, { method: "POST", body: { ...(label ? { label } : {}), permissions } });
      setCreated(key);
      form.reset();
      await mutate();
    } catch (err) {
      setErrors(formErrorsOf(err, ["label"]));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(k: ApiKeyRow) {
    if (!window.confirm(`Revoke the key "${k.label}"? Bots using it stop at once.`)) return;
    setListError(undefined);
    try {
      await apiFetch(`${KEYS}/${encodeURIComponent(k.id)}`, { method: "DELETE" });
      if (created?.apiKey === k.apiKey) setCreated(undefined);
    } catch (err) {
      setListError(formErrorsOf(err, []).message ?? "The key could not be revoked.");
    }
    await mutate();
  }

  return (
    <div>
      <p className="muted">
        Keys for bots and scripts speaking Binance&apos;s Spot API (ccxt and others) on this server. A key reads your account; with
        Trade it also places and cancels orders. <Link href="/connect-a-bot">How to connect a bot</Link>.
      </p>
      <form onSubmit={create} className={styles.form}>
        <TextField name="label" id="key-label" label="Label" maxLength={64} placeholder="My bot" error={errors.fields.label} />
        <label className={styles.check}>
          <input type="checkbox" name="trade" defaultChecked /> Trade (place and cancel orders)
        </label>
        {errors.message && <p className="form-error" role="alert">{errors.message}</p>}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create key"}
        </button>
      </form>

      {created && (
        <div className={styles.created} role="status" aria-labelledby="created-title">
          <h3 id="created-title">Key &ldquo;{created.label}&rdquo; created</h3>
          <p>Copy the secret now: it is shown only this once.</p>
          <CopyField id="created-key" label="API key" value={created.apiKey} />
          {created.secretKey && <CopyField id="created-secret" label="Secret key" value={created.secretKey} />}
          <button type="button" className="btn btn-small" onClick={() => setCreated(undefined)}>
            I have saved it
          </button>
        </div>
      )}

      {listError && <p className="form-error" role="alert">{listError}</p>}
      {keys.length === 0 ? (
        <p className="muted">No API keys yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="API keys">
            <thead>
              <tr>
                <th>Label</th>
                <th>API key</th>
                <th>Permissions</th>
                <th>Created</th>
                <th>Last used</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.label}</td>
                  <td className={styles.mono}>{k.apiKey}</td>
                  <td>{k.permissions.join(", ")}</td>
                  <td>{when(k.created_at)}</td>
                  <td>{when(k.last_used_at)}</td>
                  <td>
                    <RowDangerButton action="Revoke" target={k.label} onClick={() => void revoke(k)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
