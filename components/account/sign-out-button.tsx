"use client";
// Sign out: next-auth clears the cookie and revokes this session's token family, then the sign-in page.
import { signOut } from "next-auth/react";
import { useState } from "react";

/** A button that signs the browser out. */
export function SignOutButton({ className = "btn" }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: "/login?signedOut=1" });
      }}
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
