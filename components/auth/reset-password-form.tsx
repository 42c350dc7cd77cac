"use client";
// Choose a new password with the token from the mailed link; afterwards every session is signed out.
import { formText } from "@/components/ui/form-text";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";

/** The reset-password form for a link's token. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    if (d.get("new_password") !== d.get("confirm")) {
      setErrors({ fields: { confirm: "Repeat password does not match the new password" } });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await apiFetch("/api/password/reset", { method: "POST", body: { token, new_password: formText(d, "new_password") } });
      window.location.assign("/login?reset=1");
    } catch (err) {
      setBusy(false);
      setErrors(formErrorsOf(err, ["new_password"]));
    }
  }

  return (
    <form onSubmit={submit}>
      {errors.message && (
        <p className="form-error" role="alert">
          {errors.message} <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      )}
      <TextField name="new_password" label="New password" type="password" autoComplete="new-password" required minLength={8} maxLength={256} hint="At least 8 characters." error={errors.fields.new_password ? `New password ${errors.fields.new_password}` : undefined} />
      <TextField name="confirm" label="Repeat new password" type="password" autoComplete="new-password" required minLength={8} maxLength={256} error={errors.fields.confirm} />
      <button type="submit" className="btn btn-primary" disabled={busy} style={{ width: "100%" }}>
        {busy ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
