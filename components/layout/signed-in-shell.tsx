// The chrome of every page a signed-in user sees: navigation with the portfolio switcher, the price
// banner, the fill notifier.
import type { ReactNode } from "react";
import type { PageUser } from "@/lib/auth/current-user";
import { listMarkets } from "@/lib/market/list-markets";
import { getReplay } from "@/lib/market/replay/get-replay";
import { currentPortfolio } from "@/lib/portfolio/current-portfolio";
import { shownPortfolio } from "@/components/portfolios/shown-portfolio";
import { AppNav } from "./app-nav";
import { PriceBanner } from "./price-banner";
import { ReplayBar } from "./replay-bar";
import { FillNotifier } from "./fill-notifier";

/** Navigation, price banner and fill notifier around `children`. */
export async function SignedInShell({ user, children }: { user: PageUser; children: ReactNode }) {
  const [{ markets }, portfolio] = await Promise.all([listMarkets(), currentPortfolio(user.id)]);
  const source = markets.find((m) => m.source)?.source ?? null;
  const stale = markets.every((m) => m.stale);
  const { replay } = getReplay({ email: user.email });
  return (
    <>
      <AppNav userName={user.name} portfolio={shownPortfolio(portfolio)} />
      {replay && <ReplayBar initial={{ time: replay.time_ms, speed: replay.speed, paused: replay.paused, ended: replay.ended }} operator={replay.operator} />}
      <PriceBanner initialSource={source} initialStale={stale} />
      <main id="main" className="page">
        {children}
      </main>
      <FillNotifier />
    </>
  );
}
