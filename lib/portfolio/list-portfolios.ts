// GET /api/portfolios – the user's portfolios, main first then by creation, each valued at the last known
// prices (value, and pnl against its own starting balance).
import { prisma } from "@/lib/db";
import { lastUsdtPrices } from "@/lib/market/last-prices";
import { valueHoldings } from "@/lib/trading/value-holdings";
import type { PortfolioKind } from "./portfolio-scope";

export interface PortfolioSummary {
  id: string;
  name: string;
  kind: PortfolioKind;
  competitionId: string | null;
  removed: boolean;
  startingBalance: bigint;
  value: bigint;
  pnl: bigint;
  createdAt: bigint;
}

export async function listPortfolios({ userId }: { userId: string }): Promise<{ portfolios: PortfolioSummary[]; stale: boolean }> {
  const [rows, prices] = await Promise.all([
    prisma.portfolio.findMany({
      where: { userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { balances: { select: { coin: true, free: true, locked: true } } },
    }),
    lastUsdtPrices(),
  ]);
  const portfolios = rows.map((p) => {
    const { value, pnl } = valueHoldings(p.balances, prices.usdt, p.startingBalance);
    return {
      id: p.id, name: p.name, kind: p.kind as PortfolioKind, competitionId: p.competitionId, removed: p.removedAt !== null,
      startingBalance: p.startingBalance, value, pnl, createdAt: p.createdAt,
    };
  });
  portfolios.sort((a, b) => (a.kind === "MAIN" ? -1 : b.kind === "MAIN" ? 1 : 0));
  return { portfolios, stale: prices.stale };
}
