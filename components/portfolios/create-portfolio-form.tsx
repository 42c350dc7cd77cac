"use client";
// The /portfolios form: a practice portfolio with a name and, optionally, its own starting balance.
import { useState, type FormEvent } from "react";
import { mutate } from "swr";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import { PORTFOLIOS, type PortfolioRow } from "./portfolio";
import { formText } from "@/components/ui/form-text";

/** Creates a practice portfolio and refreshes every list of portfolios. */
export function CreatePortfolioForm() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string>();

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const d = new FormData(form);
    const name = formText(d, "name").trim();
    const balance = formText(d, "starting_balance").trim();
    setBusy(true);
    setErrors({ fields: {} });
    setCreated(undefined);
    try {
      const p = await apiFetch<PortfolioRow>(PORTFOLIOS, { method: "POST", body: { name, ...(balance ? { starting_balance: Number(balance) } : {}) } });
      setCreated(p.name);
      form.reset();
      await mutate(PORTFOLIOS);
    } catch (err) {
      setErrors(formErrorsOf(err, ["name", "starting_balance"]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={create} aria-label="New practice portfolio">
      <TextField name="name" id="portfolio-name" label="Name" required maxLength={40} placeholder="Practice" error={errors.fields.name} />
      <TextField
        name="starting_balance"
        id="portfolio-balance"
        label="Starting balance (USDT)"
        inputMode="decimal"
        placeholder="50000"
        hint="Empty: the platform's starting balance."
        error={errors.fields.starting_balance}
      />
      {errors.message && <p className="form-error" role="alert">{errors.message}</p>}
      {created && <p className="form-ok" role="status">Portfolio &ldquo;{created}&rdquo; created.</p>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Creating…" : "Create portfolio"}
      </button>
    </form>
  );
}
