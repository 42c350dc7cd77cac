import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { SignedInShell } from "@/components/layout/signed-in-shell";

// Signed-in pages: the proxy sends signed-out visitors to /login; this also catches revoked sessions
// (signed out elsewhere, password changed) so no page renders half-working.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  return <SignedInShell user={user}>{children}</SignedInShell>;
}
