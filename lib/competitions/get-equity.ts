// GET /api/competitions/{id}/equity – every ranked participant's recorded values from the start (the
// starting balance at starts_at) to the end or now, for one chart. The window is cut into equal slices
// (500, fewer beyond 100 participants: at most 50,000 points in all, at least 20 slices) and each
// participant's last value in each slice kept, chosen by the database: a week of 1,000 participants is
// 2 million rows, never read whole.
import { selectRows } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { visibleCompetition } from "./competition-record";

const MAX_BUCKETS = 500;
const MIN_BUCKETS = 20;
const MAX_POINTS = 50_000;

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
  const people = await prisma.portfolio.findMany({
    where: { competitionId, removedAt: null },
    select: { id: true, userId: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const buckets = Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, Math.floor(MAX_POINTS / Math.max(1, people.length))));
  const bucket = Math.max(1, Math.ceil((until - from) / buckets));
  const rows = await selectRows<{ portfolioId: string; at: string; value: string }>(SAMPLE, [competitionId, BigInt(from), BigInt(until), BigInt(from), BigInt(bucket)]);
  const byPortfolio = new Map<string, { t: number; value: bigint }[]>(people.map((p) => [p.id, [{ t: from, value: c.startingBalance }]]));
  for (const r of rows) byPortfolio.get(r.portfolioId)?.push({ t: Number(r.at), value: BigInt(r.value) });
  return people.map((p) => ({ portfolioId: p.id, userId: p.userId, name: p.user.name, points: byPortfolio.get(p.id) ?? [] }));
}
