// POST /api/watchlist/{symbol} – watch a pair (409 when already watched).
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { Pair } from "@/lib/markets";

export async function addToWatchlist({ userId, pair }: { userId: string; pair: Pair }) {
  try {
    await prisma.watchlistItem.create({ data: { userId, symbol: pair.symbol } });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("ALREADY_IN_WATCHLIST", `${pair.symbol} is already in your watchlist.`);
    throw e;
  }
  return { message: "symbol added to watchlist", symbol: pair.symbol };
}
