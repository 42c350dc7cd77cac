// Closing a competition, once its end is claimed (Competition.endedAt set by end-competition.ts or by the
// worker at ends_at): every open order of its portfolios cancelled (locks returned once), a final snapshot
// of each participant, and the standings frozen in Competition.standings. Safe to run again (a crash
// midway is finished by the worker's next round): cancels are guarded by OPEN, the freeze by not-yet-final.
import { atomic } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { recordPortfolioSnapshots } from "@/lib/portfolio/record-snapshots";
import { cancelPortfolioOrders } from "./cancel-portfolio-orders";
import { computeStandings } from "./compute-standings";
import { chunks } from "./chunks";
import { FINAL_PREFIX, parseStandings, serialiseStandings } from "./standings-state";

export async function finishCompetition(competitionId: string): Promise<void> {
  const c = await prisma.competition.findUnique({ where: { id: competitionId }, select: { id: true, startingBalance: true, endedAt: true, standings: true } });
  if (!c || c.endedAt === null || c.standings?.startsWith(FINAL_PREFIX)) return;
  const portfolios = await prisma.portfolio.findMany({ where: { competitionId }, select: { id: true, removedAt: true } });
  // A barrier: an order whose rule guard passed before the end was claimed holds its portfolio's row until it
  // commits (lib/portfolio/trading-rules.ts ruleGuardSteps); locking every participant's row waits for those,
  // and a guard that runs after the claim sees endedAt and refuses. So the sweep below sees every order.
  await atomic([{ sql: `UPDATE "Portfolio" SET "name" = "name" WHERE "competitionId" = ?`, params: [competitionId] }]);
  await cancelPortfolioOrders({ portfolioIds: portfolios.map((p) => p.id), reason: "its competition has ended" });
  const ranked = portfolios.filter((p) => p.removedAt === null).map((p) => p.id);
  for (const ids of chunks(ranked)) await recordPortfolioSnapshots({ portfolioIds: ids, at: Number(c.endedAt) });
  const standings = await computeStandings(c, parseStandings(c.standings));
  const frozen = serialiseStandings({ final: true, asOf: Number(c.endedAt), standings: standings.map(({ rank: _rank, ...row }) => row) });
  await prisma.competition.updateMany({
    where: { id: competitionId, endedAt: { not: null }, OR: [{ standings: null }, { NOT: { standings: { startsWith: FINAL_PREFIX } } }] },
    data: { standings: frozen },
  });
}
