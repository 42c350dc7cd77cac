// POST /api/competitions/{id}/end – the organiser ends a competition early: exactly as reaching ends_at
// (open orders cancelled, final snapshot, standings frozen). The claim is one conditional UPDATE, so the
// early end and the worker's end at ends_at can race and the competition still ends once.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { marketNow } from "@/lib/market/market-clock";
import { organisedCompetition, visibleCompetition, type CompetitionView } from "./competition-record";
import { finishCompetition } from "./finish-competition";

const alreadyEnded = () => new DomainError("COMPETITION_NOT_RUNNING", "This competition has already ended.");

/** Sets endedAt if nobody did; true when this call did. From then on no order of it is accepted. */
export async function claimEnd(competitionId: string, at: number): Promise<boolean> {
  const r = await prisma.competition.updateMany({ where: { id: competitionId, endedAt: null }, data: { endedAt: BigInt(at) } });
  return r.count === 1;
}

export async function endCompetition({ competitionId, userId }: { competitionId: string; userId: string }): Promise<CompetitionView> {
  const now = marketNow();
  const c = await organisedCompetition(competitionId, userId, now);
  if (c.endedAt !== null || !(await claimEnd(competitionId, Math.min(now, c.endsAt)))) throw alreadyEnded();
  await finishCompetition(competitionId);
  return visibleCompetition(competitionId, userId, marketNow());
}
