// The price an order may trade at: the latest trade of the pair, if it is fresh.
import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { findPair } from "@/lib/markets";
import { priceStore } from "./price-store";
import { replayHasPair } from "./replay/replay-registry";

export interface FreshPrice {
  price: bigint;
  tradeId: string;
  time: number;
  source: string;
}

// Latest fresh price of a pair: from memory when this process runs the feed, else from the MarketPrice
// row the worker keeps up to date (Vercel deployment). Throws NO_FRESH_PRICE (503) when none is fresh.
export async function getFreshPrice(symbol: string): Promise<FreshPrice> {
  const pair = findPair(symbol);
  if (!pair) throw new AppError("UNKNOWN_PAIR", `Unknown pair ${symbol}`);
  if (priceStore.feedSource) {
    if (!replayHasPair(pair.symbol)) {
      throw new AppError("NO_FRESH_PRICE", `${pair.symbol} is not tradable in this replay: its data folder has no candles of ${pair.symbol}.`);
    }
    const q = priceStore.get(pair.symbol);
    if (q && !priceStore.isStale(q)) return { price: q.price, tradeId: q.tradeId, time: q.time, source: q.source };
    throw new AppError("NO_FRESH_PRICE", `No fresh market price for ${pair.symbol}; try again in a few seconds.`);
  }
  const row = await prisma.marketPrice.findUnique({
    where: { symbol: pair.symbol },
    select: { price: true, tradeId: true, tradeTime: true, source: true, updatedAt: true },
  });
  if (!row || Date.now() - Number(row.updatedAt) > env.PRICE_MAX_AGE_MS) {
    throw new AppError("NO_FRESH_PRICE", `No fresh market price for ${pair.symbol}; try again in a few seconds.`);
  }
  return { price: row.price, tradeId: row.tradeId, time: Number(row.tradeTime), source: row.source };
}
