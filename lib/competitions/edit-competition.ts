// PATCH /api/competitions/{id} – the organiser changes the rules before the start (422 BUSINESS_RULE after).
// The starting balance is fixed once someone has joined: their portfolios already hold it. A new name is
// also the name of every participant's portfolio, in the same transaction.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { marketNow } from "@/lib/market/market-clock";
import { organisedCompetition, visibleCompetition, type CompetitionView } from "./competition-record";
import type { CompetitionTerms } from "./competition-terms";

const started = () => new DomainError("BUSINESS_RULE", "This competition has started: its rules can no longer change.");
const balanceFixed = () => new DomainError("BUSINESS_RULE", "Participants have joined with the current starting balance: it can no longer change.");

export async function editCompetition({ competitionId, userId, changes }: { competitionId: string; userId: string; changes: Partial<CompetitionTerms> }): Promise<CompetitionView> {
  const now = marketNow();
  const c = await organisedCompetition(competitionId, userId, now);
  if (c.status !== "scheduled") throw started();
  const startsAt = changes.startsAt ?? c.startsAt;
  const endsAt = changes.endsAt ?? c.endsAt;
  if (endsAt <= startsAt) throw new DomainError("VALIDATION_FAILED", "ends_at: must be after starts_at", { ends_at: "must be after starts_at" });
  if (endsAt <= now) throw new DomainError("VALIDATION_FAILED", "ends_at: must be in the future", { ends_at: "must be in the future" });
  // Guarded by the start as stored: an edit racing the start (or another edit of the start) loses.
  await prisma.$transaction(async (tx) => {
    const r = await tx.competition.updateMany({
      where: { id: competitionId, endedAt: null, startsAt: { gt: BigInt(now) } },
      data: {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.startsAt !== undefined ? { startsAt: BigInt(changes.startsAt) } : {}),
        ...(changes.endsAt !== undefined ? { endsAt: BigInt(changes.endsAt) } : {}),
        ...(changes.startingBalance !== undefined ? { startingBalance: changes.startingBalance } : {}),
        ...(changes.pairs !== undefined ? { pairs: changes.pairs ? changes.pairs.join(",") : "" } : {}),
        ...(changes.feeRate !== undefined ? { feeRate: changes.feeRate } : {}),
        ...(changes.allowReset !== undefined ? { allowReset: changes.allowReset } : {}),
        ...(changes.visibility !== undefined ? { visibility: changes.visibility } : {}),
      },
    });
    if (r.count !== 1) throw started();
    // under the competition row's lock, which every join takes first: a participant holds the current balance
    if (changes.startingBalance !== undefined && changes.startingBalance !== c.startingBalance && (await tx.portfolio.count({ where: { competitionId } })) > 0) throw balanceFixed();
    if (changes.name !== undefined) await tx.portfolio.updateMany({ where: { competitionId }, data: { name: changes.name } });
  });
  return visibleCompetition(competitionId, userId, now);
}
