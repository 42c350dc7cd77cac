import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  registered: "Your account is ready. Sign in to start trading.",
  reset: "Your password has been changed. Sign in with the new one.",
  signedOut: "You have signed out.",
};

// Only this site's paths are followed after signing in (no open redirect).
function safeCallback(raw: string | undefined): string {
  if (!raw) return "/dashboard";
  try {
    // Keep only path and query: an absolute callbackUrl (the proxy sends one) cannot lead off-site.
    const u = new URL(raw, "http://x");
    return u.pathname === "/" || u.pathname.startsWith("/login") ? "/dashboard" : u.pathname + u.search;
  } catch {
    return "/dashboard";
  }
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
