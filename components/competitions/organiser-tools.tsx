"use client";
// The organiser's box: edit the rules before the start, end the competition early.
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { competitionPath, type Competition } from "./competition";
import { CompetitionFormFields, competitionInputOf } from "./competition-form-fields";
import styles from "./competitions.module.css";

const FIELDS = ["name", "starts_at", "ends_at", "starting_balance", "pairs", "fee_rate", "allow_reset", "visibility"];

export function OrganiserTools({ c, pairs, onChange }: { c: Competition; pairs: string[]; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await apiFetch(competitionPath(c.id), { method: "PATCH", body: competitionInputOf(new FormData(e.currentTarget), pairs) });
      setEditing(false);
      onChange();
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  async function endEarly() {
    if (!window.confirm(`End "${c.name}" now? Open orders are cancelled and the standings become final.`)) return;
    setBusy(true);
    try {
      await apiFetch(`${competitionPath(c.id)}/end`, { method: "POST" });
      onChange();
    } catch (err) {
      setErrors(formErrorsOf(err, []));
    } finally {
      setBusy(false);
    }
  }

  if (c.status === "ended") return null;
  return (
    <section className="card" aria-labelledby="org-title">
      <h2 id="org-title">Organiser</h2>
      {editing ? (
        <form onSubmit={save} aria-label="Edit competition">
          <CompetitionFormFields pairs={pairs} initial={c} errors={errors.fields} idPrefix="edit" />
          {errors.message && <p className="form-error" role="alert">{errors.message}</p>}
          <div className={styles.actions}>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Save
            </button>
            <button type="button" className="btn" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {errors.message && <p className="form-error" role="alert">{errors.message}</p>}
          <div className={styles.actions}>
            {c.status === "scheduled" && (
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                Edit rules
              </button>
            )}
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void endEarly()}>
              End now
            </button>
          </div>
        </>
      )}
    </section>
  );
}
