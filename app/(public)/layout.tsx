import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { SignedInShell } from "@/components/layout/signed-in-shell";
import { PublicNav } from "@/components/layout/public-nav";

// Pages anyone may read (Learn, the FAQ and the support assistant): the signed-in chrome for a signed-in
// user, otherwise a header with sign-in and sign-up links. What needs an account (reading progress,
// tickets) says so on the page.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (user) return <SignedInShell user={user}>{children}</SignedInShell>;
  return (
    <>
      <PublicNav />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
