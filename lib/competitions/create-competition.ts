// POST /api/competitions – any signed-in user creates a competition and is its organiser (not a participant).
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { newId, newUnambiguousCode } from "@/lib/ids";
import { marketNow } from "@/lib/market/market-clock";
import { visibleCompetition, type CompetitionView } from "./competition-record";
import type { CompetitionTerms } from "./competition-terms";

export async function createCompetition({ organiserId, terms }: { organiserId: string; terms: CompetitionTerms }): Promise<CompetitionView> {
  const now = marketNow();
  if (terms.endsAt <= now) throw new DomainError("VALIDATION_FAILED", "ends_at: must be in the future", { ends_at: "must be in the future" });
  const id = newId();
  // An 8-character code from 23 letters has 7.8e10 values: a collision is rare, and retried.
  for (let attempt = 0; ; attempt++) {
    try {
      await prisma.competition.create({
        data: {
          id,
          organiserId,
          name: terms.name,
          inviteCode: newUnambiguousCode(8),
          visibility: terms.visibility,
          startsAt: BigInt(terms.startsAt),
          endsAt: BigInt(terms.endsAt),
          startingBalance: terms.startingBalance,
          pairs: terms.pairs ? terms.pairs.join(",") : "",
          feeRate: terms.feeRate ?? null,
          allowReset: terms.allowReset ?? false,
          createdAt: BigInt(now),
        },
      });
      break;
    } catch (e) {
      if (attempt >= 3 || (e as { code?: string }).code !== "P2002") throw e;
    }
  }
  return visibleCompetition(id, organiserId, now);
}
