// Last price and rolling 24 h statistics of every pair, from memory when this process runs the feed,
// else from the worker's MarketPrice rows: what the Binance tickers answer.
import { prisma } from "@/lib/db";
import { priceStore } from "./price-store";

export interface PairStats {
  symbol: string;
  last: bigint;
  open: bigint | null;
  high: bigint | null;
  low: bigint | null;
  volume: number;
  quoteVolume: number;
  /** time of the last trade or snapshot, epoch ms */
  time: number;
}

export async function marketStats(): Promise<Map<string, PairStats>> {
  if (priceStore.feedSource) {
    return new Map(
      priceStore.all().map((q) => [
        q.symbol,
        {
          symbol: q.symbol, last: q.price, open: q.stats?.open ?? null, high: q.stats?.high ?? null, low: q.stats?.low ?? null,
          volume: q.stats?.volume ?? 0, quoteVolume: q.stats?.quoteVolume ?? 0, time: q.time,
        },
      ]),
    );
  }
  const rows = await prisma.marketPrice.findMany({
    select: { symbol: true, price: true, open24h: true, high24h: true, low24h: true, volume24h: true, quoteVolume: true, tradeTime: true },
  });
  return new Map(
    rows.map((r) => [
      r.symbol,
      {
        symbol: r.symbol, last: r.price, open: r.open24h, high: r.high24h, low: r.low24h, volume: r.volume24h ?? 0,
        quoteVolume: r.quoteVolume ?? 0, time: Number(r.tradeTime),
      },
    ]),
  );
}
