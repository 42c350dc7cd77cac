import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

// GET /reset-password?token=… – the page the reset mail links to
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1>Choose a new password</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="form-error" role="alert">
          This page needs the link from the reset mail. <Link href="/forgot-password">Ask for a reset link</Link>
        </p>
      )}
    </>
  );
}
