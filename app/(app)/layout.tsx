import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { listMarkets } from "@/lib/market/list-markets";
import { AppNav } from "@/components/layout/app-nav";
import { PriceBanner } from "@/components/layout/price-banner";
import { FillNotifier } from "@/components/layout/fill-notifier";

// Signed-in pages: the proxy sends signed-out visitors to /login; this also catches revoked sessions
// (signed out elsewhere, password changed) so no page renders half-working.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { markets } = await listMarkets();
  const source = markets.find((m) => m.source)?.source ?? null;
  const stale = markets.every((m) => m.stale);
  return (
    <>
      <AppNav userName={user.name} />
      <PriceBanner initialSource={source} initialStale={stale} />
      <main id="main" className="page">
        {children}
      </main>
      <FillNotifier />
    </>
  );
}
