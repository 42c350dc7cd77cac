"use client";
// Ask for a reset link. The answer never says whether the email is registered (as the API).
import { formText } from "@/components/ui/form-text";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";

/** The forgot-password form. */
export function ForgotPasswordForm() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const r = await apiFetch<{ message: string }>("/api/password/get_new", { method: "PUT", body: { email: formText(new FormData(e.currentTarget), "email") } });
      setSent(r.message);
    } catch (err) {
      setErrors(formErrorsOf(err, ["email"]));
    } finally {
      setBusy(false);
    }
  }

  if (sent) return <p className="form-ok" role="status">{sent}</p>;
  return (
    <form onSubmit={submit}>
      {errors.message && (
        <p className="form-error" role="alert">
          {errors.message}
        </p>
      )}
      <TextField name="email" label="Email" type="email" autoComplete="email" required maxLength={254} error={errors.fields.email ? `Email ${errors.fields.email}` : undefined} />
      <button type="submit" className="btn btn-primary" disabled={busy} style={{ width: "100%" }}>
        {busy ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}
