// DELETE /api/competitions/{id}/participants/{participant_id} – the organiser removes a participant (its
// portfolio id): marked removed first, so the order guard refuses anything new, then its open orders are
// cancelled. A removed participant is no longer ranked; their portfolio and history stay.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { marketNow } from "@/lib/market/market-clock";
import { cancelPortfolioOrders } from "./cancel-portfolio-orders";
import { organisedCompetition } from "./competition-record";

export async function removeParticipant({ competitionId, userId, participantId }: { competitionId: string; userId: string; participantId: string }): Promise<void> {
  const now = marketNow();
  const c = await organisedCompetition(competitionId, userId, now);
  // once ended the standings are (or are about to be) frozen: a removal would no longer change them
  if (c.status === "ended") {
    throw new DomainError("COMPETITION_NOT_RUNNING", "This competition has ended: its standings are final.");
  }
  const r = await prisma.portfolio.updateMany({ where: { id: participantId.slice(0, 64), competitionId, removedAt: null }, data: { removedAt: BigInt(now) } });
  if (r.count !== 1) throw new DomainError("NOT_FOUND", "This competition has no such participant.");
  await cancelPortfolioOrders({ portfolioIds: [participantId], reason: "removed from its competition by the organiser" });
}
