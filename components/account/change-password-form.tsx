"use client";
// Change the password: needs the current one; this browser stays signed in, every other session ends.
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";

/** The change-password form. */
export function ChangePasswordForm() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const d = new FormData(form);
    setDone(false);
    if (d.get("new_password") !== d.get("confirm")) {
      setErrors({ fields: { confirm: "Repeat new password does not match" } });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await apiFetch("/api/password/change", { method: "POST", body: { password: d.get("password"), new_password: d.get("new_password") } });
      setDone(true);
      form.reset();
    } catch (err) {
      const fe = formErrorsOf(err, ["password", "new_password"]);
      // A wrong current password is a 401 without details: put it under that field.
      if (fe.message && Object.keys(fe.fields).length === 0 && /current password/i.test(fe.message)) setErrors({ fields: { password: fe.message } });
      else setErrors(fe);
    } finally {
      setBusy(false);
    }
  }
  const f = errors.fields;
  return (
    <form onSubmit={submit}>
      <TextField name="password" id="cp-current" label="Current password" type="password" autoComplete="current-password" required error={f.password} />
      <TextField name="new_password" id="cp-new" label="New password" type="password" autoComplete="new-password" required minLength={8} maxLength={256} hint="At least 8 characters." error={f.new_password && `New password ${f.new_password}`} />
      <TextField name="confirm" id="cp-confirm" label="Repeat new password" type="password" autoComplete="new-password" required minLength={8} error={f.confirm} />
      {errors.message && <p className="form-error" role="alert">{errors.message}</p>}
      {done && <p className="form-ok" role="status">Password changed. Other devices have been signed out.</p>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
