// Every user's main portfolio valued at the last known prices, best first: the rating's rank and the leaderboard.
import { prisma } from "@/lib/db";
import { lastUsdtPrices } from "@/lib/market/last-prices";
import { valueHoldings, type Holding } from "./value-holdings";

export interface Ranked {
  userId: string;
  name: string;
  value: bigint;
  pnl: bigint;
}

export async function rankUsers(): Promise<{ ranking: Ranked[]; stale: boolean }> {
  const [users, balances, prices] = await Promise.all([
    prisma.user.findMany({ select: { id: true, name: true } }),
    prisma.balance.findMany({ where: { portfolio: { kind: "MAIN" } }, select: { portfolioId: true, coin: true, free: true, locked: true } }),
    lastUsdtPrices(),
  ]);
  const byPortfolio = new Map<string, Holding[]>();
  for (const b of balances) byPortfolio.set(b.portfolioId, [...(byPortfolio.get(b.portfolioId) ?? []), b]);
  const ranking = users
    .map((u) => ({ userId: u.id, name: u.name, ...valueHoldings(byPortfolio.get(u.id) ?? [], prices.usdt) }))
    .sort((a, b) => (a.value === b.value ? a.userId.localeCompare(b.userId) : a.value > b.value ? -1 : 1));
  return { ranking, stale: prices.stale };
}
