"use client";
// Registration with the original's fields. The browser checks the same rules as the server's
// registerBody schema (lib/api/account-schemas.ts) through input constraints; the server's answer per
// field is shown next to the field.
import { formText } from "@/components/ui/form-text";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/data/api-fetch";
import { formErrorsOf, type FormErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";

const FIELDS = ["email", "password", "name", "age", "country", "PhoneNo"];

/** The sign-up form; on success goes to the sign-in page. */
export function RegisterForm() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const body = Object.fromEntries(FIELDS.map((f) => [f, formText(d, f)]));
    if (body.password !== d.get("confirm")) {
      setErrors({ fields: { confirm: "does not match the password" } });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await apiFetch("/api/register", { method: "POST", body: { ...body, age: Number(body.age) } });
      window.location.assign(`/login?registered=1`);
    } catch (err) {
      setBusy(false);
      setErrors(formErrorsOf(err, FIELDS));
    }
  }

  const f = errors.fields;
  const err = (k: string) => (f[k] ? `${k === "PhoneNo" ? "Phone number" : k[0]?.toUpperCase() + k.slice(1)} ${f[k]}` : undefined);
  return (
    <form onSubmit={submit}>
      {errors.message && (
        <p className="form-error" role="alert">
          {errors.message}
        </p>
      )}
      <TextField name="email" label="Email" type="email" autoComplete="email" required maxLength={254} error={err("email")} />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" required minLength={8} maxLength={256} hint="At least 8 characters." error={err("password")} />
      <TextField name="confirm" label="Repeat password" type="password" autoComplete="new-password" required minLength={8} maxLength={256} error={f.confirm ? `Repeat password ${f.confirm}` : undefined} />
      <TextField name="name" label="Display name" autoComplete="name" required maxLength={100} hint="Shown on the leaderboard." error={err("name")} />
      <TextField name="age" label="Age" type="number" inputMode="numeric" required min={13} max={130} step={1} hint="A whole number, 13 or more." error={err("age")} />
      <TextField name="country" label="Country" autoComplete="country-name" required maxLength={100} error={err("country")} />
      <TextField name="PhoneNo" label="Phone number" type="tel" autoComplete="tel" required pattern="\+?[0-9 \(\)\-]{4,32}" hint="Digits, spaces, ( ) and -, optionally starting with +." error={err("PhoneNo")} />
      <button type="submit" className="btn btn-primary" disabled={busy} style={{ width: "100%" }}>
        {busy ? "Creating your account…" : "Create account"}
      </button>
      <p className="muted">
        Already registered? <Link href="/login">Sign in</Link>
      </p>
    </form>
  );
}
