"use client";
// The fields of a competition's rules, shared by the create form and the organiser's edit form; read back
// into the API's body by `competitionInputOf`.
import { TextField } from "@/components/ui/text-field";
import type { Competition, CompetitionInput } from "./competition";
import styles from "./competitions.module.css";
import { formText } from "@/components/ui/form-text";

const pad = (n: number) => String(n).padStart(2, "0");
/** A time as a datetime-local value (the browser's time zone, to the second). */
export function localInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The form's values as the API's body. */
export function competitionInputOf(d: FormData, pairs: string[]): CompetitionInput {
  const text = (k: string) => formText(d, k).trim();
  const iso = (k: string) => (text(k) ? new Date(text(k)).toISOString() : "");
  const chosen = pairs.filter((p) => d.get(`pair-${p}`));
  const fee = text("fee_pct");
  return {
    name: text("name"),
    starts_at: iso("starts_at"),
    ends_at: iso("ends_at"),
    starting_balance: Number(text("starting_balance")),
    pairs: chosen.length === 0 || chosen.length === pairs.length ? null : chosen,
    // a percentage in the form, a fraction (at most 8 decimals) in the API
    fee_rate: fee === "" ? null : Number((Number(fee) / 100).toFixed(8)),
    allow_reset: d.get("allow_reset") === "on",
    visibility: text("visibility") === "invite" ? "invite" : "public",
  };
}

/** Name, window, money, pairs, fee, reset and visibility; `initial` fills them for an edit. */
export function CompetitionFormFields({ pairs, initial, errors, idPrefix }: { pairs: string[]; initial?: Competition; errors: Record<string, string>; idPrefix: string }) {
  const now = Date.now();
  const allowed = initial?.pairs ?? pairs;
  return (
    <>
      <TextField name="name" id={`${idPrefix}-name`} label="Name" required maxLength={80} defaultValue={initial?.name} error={errors.name} />
      <div className={styles.row}>
        <TextField name="starts_at" id={`${idPrefix}-starts`} label="Starts" type="datetime-local" step={1} required defaultValue={localInput(initial ? Date.parse(initial.starts_at) : now + 60_000)} error={errors.starts_at} />
        <TextField name="ends_at" id={`${idPrefix}-ends`} label="Ends" type="datetime-local" step={1} required defaultValue={localInput(initial ? Date.parse(initial.ends_at) : now + 7 * 86_400_000)} error={errors.ends_at} />
      </div>
      <div className={styles.row}>
        <TextField name="starting_balance" id={`${idPrefix}-balance`} label="Starting balance (USDT)" inputMode="decimal" required defaultValue={String(initial?.starting_balance ?? 10000)} error={errors.starting_balance} />
        <TextField
          name="fee_pct"
          id={`${idPrefix}-fee`}
          label="Fee (%)"
          inputMode="decimal"
          hint="Empty: the platform's fees."
          defaultValue={initial?.fee_rate == null ? "" : String(initial.fee_rate * 100)}
          error={errors.fee_rate}
        />
      </div>
      <fieldset className={styles.pairs}>
        <legend>Pairs allowed</legend>
        {pairs.map((p) => (
          <label key={p} className={styles.check}>
            <input type="checkbox" name={`pair-${p}`} defaultChecked={allowed.includes(p)} /> {p}
          </label>
        ))}
        {errors.pairs && <span className="error" role="alert">{errors.pairs}</span>}
      </fieldset>
      <label className={styles.check}>
        <input type="checkbox" name="allow_reset" defaultChecked={initial?.allow_reset ?? false} /> Participants may reset their portfolio
      </label>
      <div className="field">
        <label htmlFor={`${idPrefix}-visibility`}>Who can join</label>
        <select id={`${idPrefix}-visibility`} name="visibility" className="input" defaultValue={initial?.visibility ?? "public"}>
          <option value="public">Anyone (listed publicly)</option>
          <option value="invite">Only with the invite code</option>
        </select>
      </div>
    </>
  );
}
