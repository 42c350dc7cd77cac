// GET /api/portfolio/history – the signed-in user's recorded portfolio values, oldest first.
import { prisma } from "@/lib/db";
import { unitsToNumber } from "@/lib/money";

export interface HistoryQuery {
  portfolioId: string;
  /** only points at or after this time (epoch ms) */
  since?: number;
  /** only points before this time (epoch ms): the cursor to older pages */
  before?: number;
  /** at most this many of the latest points */
  limit?: number;
}

export async function getPortfolioHistory({ portfolioId, since, before, limit = 500 }: HistoryQuery) {
  const at = { ...(since !== undefined ? { gte: BigInt(since) } : {}), ...(before !== undefined ? { lt: BigInt(before) } : {}) };
  const rows = await prisma.portfolioSnapshot.findMany({
    where: { portfolioId, ...(since !== undefined || before !== undefined ? { at } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { at: true, value: true },
  });
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  page.reverse();
  const oldest = page[0];
  return {
    history: page.map((r) => ({ at: new Date(Number(r.at)).toISOString(), value: unitsToNumber(r.value) })),
    paging: { limit, next_before: more && oldest ? Number(oldest.at) : null },
  };
}
