import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { env } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  registered: "Your account is ready. Sign in to start trading.",
  reset: "Your password has been changed. Sign in with the new one.",
  signedOut: "You have signed out.",
};

// Only this site's paths are followed after signing in (no open redirect); "/" and /login go to the dashboard.
function safeCallback(raw: string | undefined): string {
  const path = safeCallbackPath(raw, { origin: env.APP_URL });
  return path === "/" || path.startsWith("/login") ? "/dashboard" : path;
}

// GET /login – the sign-in page
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const q = await searchParams;
  // Already signed in (and the session is still valid): straight on.
  if (await currentUser()) redirect(safeCallback(q.callbackUrl));
  const notice = Object.keys(NOTICES).find((k) => q[k] !== undefined);
  return (
    <>
      <h1>Sign in</h1>
      <LoginForm callbackUrl={safeCallback(q.callbackUrl)} notice={notice ? NOTICES[notice] : undefined} />
    </>
  );
}
