// GET /api/portfolio/history – the signed-in user's recorded portfolio values, oldest first.
import { prisma } from "@/lib/db";
import { unitsToNumber } from "@/lib/money";

export interface HistoryQuery {
  userId: string;
  /** only points at or after this time (epoch ms) */
  since?: number;
  /** at most this many of the latest points */
  limit?: number;
}

export async function getPortfolioHistory({ userId, since, limit = 500 }: HistoryQuery) {
  const rows = await prisma.portfolioSnapshot.findMany({
    where: { userId, ...(since !== undefined ? { at: { gte: BigInt(since) } } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { at: true, value: true },
  });
  rows.reverse();
  return { history: rows.map((r) => ({ at: new Date(Number(r.at)).toISOString(), value: unitsToNumber(r.value) })) };
}
