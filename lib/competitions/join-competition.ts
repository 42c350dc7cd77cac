// POST /api/competitions/{id}/join – a fresh portfolio of kind COMPETITION, named after the competition and
// holding its starting balance, opened in one transaction that also checks the competition has not ended.
// The transaction's first step locks the competition row only if its name and starting balance are still
// those read: an edit committed in between (edit-competition.ts) makes the join read them again.
// Joining before the start is allowed; an invite-only competition needs its code (a wrong or missing code
// is the same 404 as an unknown id); twice is 409 (the unique (competitionId, userId) decides any race).
import { atomic } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { newId } from "@/lib/ids";
import { marketNow } from "@/lib/market/market-clock";
import { newPortfolioSteps } from "@/lib/portfolio/new-portfolio-steps";
import { notFound } from "./competition-record";

const ended = () => new DomainError("COMPETITION_NOT_RUNNING", "This competition has ended: it can no longer be joined.");
const joined = () => new DomainError("CONFLICT", "You have already joined this competition.");

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

/** the competition row changed between the read and the lock: read it again */
class Changed extends Error {}
const ATTEMPTS = 5;

export async function joinCompetition({ competitionId, userId, inviteCode }: { competitionId: string; userId: string; inviteCode?: string }): Promise<{ portfolioId: string }> {
  if (competitionId.length > 64) throw notFound();
  for (let attempt = 1; ; attempt++) {
    try {
      return await joinOnce({ competitionId, userId, inviteCode });
    } catch (e) {
      if (!(e instanceof Changed)) throw e;
      if (attempt >= ATTEMPTS) throw new DomainError("CONFLICT", "This competition is being changed right now: try joining again.");
    }
  }
}

async function joinOnce({ competitionId, userId, inviteCode }: { competitionId: string; userId: string; inviteCode?: string }): Promise<{ portfolioId: string }> {
  const c = await prisma.competition.findUnique({
    where: { id: competitionId },
    select: { id: true, name: true, visibility: true, inviteCode: true, organiserId: true, startingBalance: true, endsAt: true, endedAt: true },
  });
  if (!c) throw notFound();
  const mine = await prisma.portfolio.findFirst({ where: { competitionId, userId }, select: { id: true } });
  if (mine) throw joined();
  const codeOk = inviteCode !== undefined && inviteCode.trim().toUpperCase() === c.inviteCode;
  if (c.visibility === "invite" && !codeOk && c.organiserId !== userId) throw notFound();
  const now = marketNow();
  if (c.endedAt !== null || now >= Number(c.endsAt)) throw ended();
  const portfolioId = newId();
  try {
    await atomic([
      {
        sql: `UPDATE "Competition" SET "name" = "name" WHERE "id" = ? AND "endedAt" IS NULL AND "endsAt" > ? AND "name" = ? AND "startingBalance" = ?`,
        params: [competitionId, BigInt(now), c.name, c.startingBalance],
        expect: { rows: 1, error: () => new Changed() },
      },
      ...newPortfolioSteps({ id: portfolioId, userId, name: c.name, kind: "COMPETITION", startingBalance: c.startingBalance, competitionId }, now),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw joined();
    throw e;
  }
  return { portfolioId };
}
