// DELETE /api/watchlist/{symbol} – stop watching a pair (404 when it was not watched).
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";

export async function removeFromWatchlist({ userId, symbol }: { userId: string; symbol: string }) {
  const { count } = await prisma.watchlistItem.deleteMany({ where: { userId, symbol: symbol.toUpperCase() } });
  if (count === 0) throw new DomainError("NOT_FOUND", `${symbol.toUpperCase()} is not in your watchlist.`);
  return { message: "symbol removed from watchlist", symbol: symbol.toUpperCase() };
}
