// GET /api/watchlist – the pairs the user watches, in the order added.
import { prisma } from "@/lib/db";

export async function listWatchlist({ userId }: { userId: string }) {
  const rows = await prisma.watchlistItem.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { symbol: true } });
  return { watchlist: rows.map((r) => r.symbol) };
}
