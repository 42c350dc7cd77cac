"use client";
// The /competitions form: a new competition with its rules; the creator becomes its organiser and goes to
// its page (where the invite link is).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { COMPETITIONS, type Competition } from "./competition";
import { CompetitionFormFields, competitionInputOf } from "./competition-form-fields";

const FIELDS = ["name", "starts_at", "ends_at", "starting_balance", "pairs", "fee_rate", "allow_reset", "visibility"];

export function CreateCompetitionForm({ pairs }: { pairs: string[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const c = await apiFetch<Competition>(COMPETITIONS, { method: "POST", body: competitionInputOf(new FormData(e.currentTarget), pairs) });
      router.push(`/competitions/${c.id}`);
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={create} aria-label="New competition">
      <CompetitionFormFields pairs={pairs} errors={errors.fields} idPrefix="new" />
      {errors.message && <p className="form-error" role="alert">{errors.message}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Creating…" : "Create competition"}
      </button>
    </form>
  );
}
