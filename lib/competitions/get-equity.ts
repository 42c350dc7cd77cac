// GET /api/competitions/{id}/equity – every ranked participant's recorded values from the start (the
// starting balance at starts_at) to the end or now, for one chart; at most 500 points per participant
// (evenly thinned, the last point always kept).
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { visibleCompetition } from "./competition-record";

const MAX_POINTS = 500;

export interface EquitySeries {
  portfolioId: string;
  userId: string;
  name: string;
  points: { t: number; value: bigint }[];
}

function thin<T>(points: T[]): T[] {
  if (points.length <= MAX_POINTS) return points;
  const step = (points.length - 1) / (MAX_POINTS - 1);
  return Array.from({ length: MAX_POINTS }, (_, i) => points[Math.round(i * step)]!);
}

export async function getEquity({ competitionId, userId }: { competitionId: string; userId: string }): Promise<EquitySeries[]> {
  const now = marketNow();
  const c = await visibleCompetition(competitionId, userId, now);
  const until = c.endedAt ?? Math.min(now, c.endsAt);
  const people = await prisma.portfolio.findMany({
    where: { competitionId, removedAt: null },
    select: { id: true, userId: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const snaps = await prisma.portfolioSnapshot.findMany({
    where: { portfolioId: { in: people.map((p) => p.id) }, at: { gte: BigInt(c.startsAt), lte: BigInt(until) } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { portfolioId: true, at: true, value: true },
  });
  const byPortfolio = new Map<string, { t: number; value: bigint }[]>(people.map((p) => [p.id, [{ t: c.startsAt, value: c.startingBalance }]]));
  for (const s of snaps) byPortfolio.get(s.portfolioId)?.push({ t: Number(s.at), value: s.value });
  return people.map((p) => ({ portfolioId: p.id, userId: p.userId, name: p.user.name, points: thin(byPortfolio.get(p.id) ?? []) }));
}
