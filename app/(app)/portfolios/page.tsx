import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentPortfolio } from "@/lib/portfolio/current-portfolio";
import { listPortfolios } from "@/lib/portfolio/list-portfolios";
import { presentPortfolio } from "@/lib/api/portfolio-presenter";
import { PortfolioList } from "@/components/portfolios/portfolio-list";
import type { PortfolioRow } from "@/components/portfolios/portfolio";
import { CreatePortfolioForm } from "@/components/portfolios/create-portfolio-form";

export const metadata: Metadata = { title: "Portfolios" };

// GET /portfolios – the user's portfolios with value and profit, a new practice one, delete one
export default async function PortfoliosPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const [portfolio, { portfolios }] = await Promise.all([currentPortfolio(user.id), listPortfolios({ userId: user.id })]);
  return (
    <>
      <h1>Portfolios</h1>
      <p className="muted">
        Your main portfolio is the one the leaderboard ranks. Practice portfolios try ideas with their own money; a competition you join
        gives you one of its own. The header bar&apos;s switcher chooses which one the pages show and trade.
      </p>
      <section className="card" aria-labelledby="pf-title" style={{ marginTop: "var(--gap)" }}>
        <h2 id="pf-title">Your portfolios</h2>
        <PortfolioList shownId={portfolio.id} initial={portfolios.map(presentPortfolio) as PortfolioRow[]} />
      </section>
      <section className="card" aria-labelledby="pf-new" style={{ marginTop: "var(--gap)", maxWidth: 460 }}>
        <h2 id="pf-new">New practice portfolio</h2>
        <CreatePortfolioForm />
      </section>
    </>
  );
}
