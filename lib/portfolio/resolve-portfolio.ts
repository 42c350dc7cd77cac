// Which of the user's portfolios a request names (`X-Portfolio` or `?portfolio=`; none: the main one). A
// portfolio of another user, or one that does not exist, is not found: the answer never tells them apart.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { mainPortfolio, type PortfolioKind, type PortfolioScope } from "./portfolio-scope";

const notFound = () => new DomainError("PORTFOLIO_NOT_FOUND", "You have no portfolio with this id.");

export async function resolvePortfolio(userId: string, requested: string | null | undefined): Promise<PortfolioScope> {
  if (!requested || requested === userId || requested === "main") return mainPortfolio(userId);
  if (requested.length > 64) throw notFound();
  const row = await prisma.portfolio.findFirst({ where: { id: requested, userId }, include: { competition: true } });
  if (!row) throw notFound();
  const c = row.competition;
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind as PortfolioKind,
    name: row.name,
    startingBalance: row.startingBalance,
    removed: row.removedAt !== null,
    competition: c && {
      id: c.id,
      startsAt: Number(c.startsAt),
      endsAt: Number(c.endsAt),
      endedAt: c.endedAt === null ? null : Number(c.endedAt),
      pairs: c.pairs === "" ? null : c.pairs.split(","),
      feeRate: c.feeRate,
      allowReset: c.allowReset,
    },
  };
}
