// POST /api/portfolios – a practice portfolio with its own starting balance (default: the platform's).
// At most MAX_PRACTICE_PORTFOLIOS per user, exact under concurrency: the user's row is locked first and the
// practice portfolios are counted in the same guarded statement's successor (as the open-order cap does).
import { atomic } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { newId } from "@/lib/ids";
import { STARTING_BALANCE } from "@/lib/markets";
import { marketNow } from "@/lib/market/market-clock";
import { newPortfolioSteps } from "./new-portfolio-steps";
import type { PortfolioSummary } from "./list-portfolios";

export const MAX_PRACTICE_PORTFOLIOS = 10;

export async function createPortfolio({ userId, name, startingBalance }: { userId: string; name: string; startingBalance?: bigint }): Promise<PortfolioSummary> {
  const id = newId();
  const start = startingBalance ?? STARTING_BALANCE;
  const now = marketNow();
  await atomic([
    {
      sql: `UPDATE "User" SET "age" = "age" WHERE "id" = ?`,
      params: [userId],
      expect: { rows: 1, error: () => new DomainError("UNAUTHENTICATED", "The account no longer exists.") },
    },
    {
      sql: `UPDATE "User" SET "age" = "age" WHERE "id" = ? AND (SELECT COUNT(*) FROM "Portfolio" WHERE "userId" = ? AND "kind" = 'PRACTICE') < ?`,
      params: [userId, userId, MAX_PRACTICE_PORTFOLIOS],
      expect: {
        rows: 1,
        error: () => new DomainError("TOO_MANY_PORTFOLIOS", `You already have ${MAX_PRACTICE_PORTFOLIOS} practice portfolios, the most allowed: delete one first.`),
      },
    },
    ...newPortfolioSteps({ id, userId, name, kind: "PRACTICE", startingBalance: start }, now),
  ]);
  return { id, name, kind: "PRACTICE", competitionId: null, removed: false, startingBalance: start, value: start, pnl: 0n, createdAt: BigInt(now) };
}
