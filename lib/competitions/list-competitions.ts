// GET /api/competitions – the public competitions and the ones the user organises or joined, newest first.
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { competitionSelect, viewsOf, type CompetitionView } from "./competition-record";

const LIMIT = 200;

export async function listCompetitions({ userId }: { userId: string }): Promise<CompetitionView[]> {
  const rows = await prisma.competition.findMany({
    where: { OR: [{ visibility: "public" }, { organiserId: userId }, { entries: { some: { userId } } }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: competitionSelect,
  });
  return viewsOf(rows, userId, marketNow());
}
