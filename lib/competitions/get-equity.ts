// GET /api/competitions/{id}/equity – every ranked participant's recorded values from the start (the
// starting balance at starts_at) to the end or now, for one chart. The window is cut into 500 equal
// buckets and each participant's last value in each bucket kept, chosen by the database: a week of
// 1,000 participants is 2 million rows, never read whole.
import { selectRows } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { visibleCompetition } from "./competition-record";

const BUCKETS = 500;

export interface EquitySeries {
  portfolioId: string;
  userId: string;
  name: string;
  points: { t: number; value: bigint }[];
}

// Values as text: exact on both drivers (SQLite would hand back a float beyond 2^53).
const SAMPLE = `SELECT s."portfolioId" AS "portfolioId", CAST(s."at" AS TEXT) AS "at", CAST(s."value" AS TEXT) AS "value"
  FROM "PortfolioSnapshot" s
  JOIN (SELECT MAX(x."id") AS "id" FROM "PortfolioSnapshot" x
        WHERE x."portfolioId" IN (SELECT p."id" FROM "Portfolio" p WHERE p."competitionId" = ? AND p."removedAt" IS NULL)
          AND x."at" >= ? AND x."at" <= ?
        GROUP BY x."portfolioId", (x."at" - ?) / ?) last ON last."id" = s."id"
  ORDER BY s."at", s."id"`;

export async function getEquity({ competitionId, userId }: { competitionId: string; userId: string }): Promise<EquitySeries[]> {
  const now = marketNow();
  const c = await visibleCompetition(competitionId, userId, now);
  const from = c.startsAt;
  const until = c.endedAt ?? Math.min(now, c.endsAt);
  const bucket = Math.max(1, Math.ceil((until - from) / BUCKETS));
  const [people, rows] = await Promise.all([
    prisma.portfolio.findMany({
      where: { competitionId, removedAt: null },
      select: { id: true, userId: true, user: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    selectRows<{ portfolioId: string; at: string; value: string }>(SAMPLE, [competitionId, BigInt(from), BigInt(until), BigInt(from), BigInt(bucket)]),
  ]);
  const byPortfolio = new Map<string, { t: number; value: bigint }[]>(people.map((p) => [p.id, [{ t: from, value: c.startingBalance }]]));
  for (const r of rows) byPortfolio.get(r.portfolioId)?.push({ t: Number(r.at), value: BigInt(r.value) });
  return people.map((p) => ({ portfolioId: p.id, userId: p.userId, name: p.user.name, points: byPortfolio.get(p.id) ?? [] }));
}
