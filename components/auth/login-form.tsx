"use client";
// Sign in with email and password through next-auth's Credentials provider, then go where the user was
// heading. A full navigation afterwards, so every server component renders with the new session.
import { formText } from "@/components/ui/form-text";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

/** The sign-in form. */
export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    const res = await signIn("credentials", { redirect: false, email: formText(data, "email"), password: formText(data, "password") });
    if (!res || res.error) {
      setBusy(false);
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "The email or password is incorrect.");
      return;
    }
    // Judged again here: the prop is the page's, but the navigation is this component's.
    window.location.assign(safeCallbackPath(callbackUrl));
  }

  return (
    <form onSubmit={submit} noValidate={false} aria-describedby={error ? "login-error" : undefined}>
      {notice && <p className="form-ok">{notice}</p>}
      {error && (
        <p id="login-error" className="form-error" role="alert">
          {error}
        </p>
      )}
      <TextField name="email" label="Email" type="email" autoComplete="email" required maxLength={254} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required maxLength={256} />
      <button type="submit" className="btn btn-primary" disabled={busy} style={{ width: "100%" }}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="muted">
        New here? <Link href="/register">Create an account</Link> and get 50,000 virtual USDT.
      </p>
    </form>
  );
}
