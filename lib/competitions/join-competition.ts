// POST /api/competitions/{id}/join – a fresh portfolio of kind COMPETITION, named after the competition and
// holding its starting balance, opened in one transaction that also checks the competition has not ended.
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

export async function joinCompetition({ competitionId, userId, inviteCode }: { competitionId: string; userId: string; inviteCode?: string }): Promise<{ portfolioId: string }> {
  if (competitionId.length > 64) throw notFound();
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
        sql: `UPDATE "Competition" SET "name" = "name" WHERE "id" = ? AND "endedAt" IS NULL AND "endsAt" > ?`,
        params: [competitionId, BigInt(now)],
        expect: { rows: 1, error: ended },
      },
      ...newPortfolioSteps({ id: portfolioId, userId, name: c.name, kind: "COMPETITION", startingBalance: c.startingBalance, competitionId }, now),
      // the name as it is under the competition's lock (a rename may have committed since it was read above)
      { sql: `UPDATE "Portfolio" SET "name" = (SELECT "name" FROM "Competition" WHERE "id" = ?) WHERE "id" = ?`, params: [competitionId, portfolioId] },
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw joined();
    throw e;
  }
  return { portfolioId };
}
