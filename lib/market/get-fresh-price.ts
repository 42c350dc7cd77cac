// The price an order may trade at: the latest trade of the pair, if it is fresh (price-freshness.ts).
import { DomainError } from "@/lib/domain-error";
import { prisma } from "@/lib/db";
import { findPair } from "@/lib/markets";
import { isFresh, marketNow } from "./price-freshness";
import { priceStore } from "./price-store";
import { replayHasPair } from "./replay/replay-registry";

export interface FreshPrice {
  price: bigint;
  tradeId: string;
  time: number;
  source: string;
}

const noFreshPrice = (symbol: string) => new DomainError("NO_FRESH_PRICE", `No fresh market price for ${symbol}; try again in a few seconds.`);

// Latest fresh price of a pair: from memory when this process runs the feed, else from the MarketPrice
// row the worker keeps up to date (Vercel deployment). Throws NO_FRESH_PRICE when none is fresh.
export async function getFreshPrice(symbol: string, now: number = marketNow()): Promise<FreshPrice> {
  const pair = findPair(symbol);
  if (!pair) throw new DomainError("UNKNOWN_PAIR", `Unknown pair ${symbol}`);
  if (priceStore.feedSource) {
    if (!replayHasPair(pair.symbol)) {
      throw new DomainError("NO_FRESH_PRICE", `${pair.symbol} is not tradable in this replay: its data folder has no candles of ${pair.symbol}.`);
    }
    const q = priceStore.get(pair.symbol);
    if (q && !priceStore.isStale(q, now)) return { price: q.price, tradeId: q.tradeId, time: q.time, source: q.source };
    throw noFreshPrice(pair.symbol);
  }
  const row = await prisma.marketPrice.findUnique({
    where: { symbol: pair.symbol },
    select: { price: true, tradeId: true, tradeTime: true, source: true, updatedAt: true },
  });
  if (!row || !isFresh(Number(row.updatedAt), now)) throw noFreshPrice(pair.symbol);
  return { price: row.price, tradeId: row.tradeId, time: Number(row.tradeTime), source: row.source };
}
