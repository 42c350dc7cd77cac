import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

// GET /forgot-password – request a single-use reset link by mail
export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Forgot your password?</h1>
      <p className="muted">Enter your email. If it belongs to an account, we mail you a link to choose a new password (valid for 30 minutes, once).</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/login">Back to sign in</Link>
      </p>
    </>
  );
}
