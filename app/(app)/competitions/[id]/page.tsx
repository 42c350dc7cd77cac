import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { DomainError } from "@/lib/domain-error";
import { PAIRS } from "@/lib/markets";
import { currentPortfolio } from "@/lib/portfolio/current-portfolio";
import { getCompetition } from "@/lib/competitions/get-competition";
import { getLeaderboard } from "@/lib/competitions/get-leaderboard";
import { getEquity } from "@/lib/competitions/get-equity";
import { presentCompetition, presentEquity, presentLeaderboard } from "@/lib/api/competition-presenter";
import { CompetitionView } from "@/components/competitions/competition-view";
import type { CompetitionPageData } from "@/components/competitions/competition-page-data";

export const metadata: Metadata = { title: "Competition" };

// GET /competitions/<id> – rules, countdown, standings and equity curves (live while it runs)
export default async function CompetitionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { id } = await params;
  const args = { competitionId: id, userId: user.id };
  const [competition, leaderboard, equity, shown] = await Promise.all([getCompetition(args), getLeaderboard(args), getEquity(args), currentPortfolio(user.id)]).catch((e: unknown) => {
    // an invite-only competition the user is not in answers as if it did not exist
    if (e instanceof DomainError && e.code === "COMPETITION_NOT_FOUND") notFound();
    throw e;
  });
  const initial = {
    competition: presentCompetition(competition),
    leaderboard: presentLeaderboard(leaderboard, user.id),
    equity: presentEquity(equity, user.id),
  } as CompetitionPageData;
  return <CompetitionView id={id} pairs={PAIRS.map((p) => p.symbol)} initial={initial} shownId={shown.id} />;
}
