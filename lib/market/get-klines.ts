// GET /api/klines: candles from the Kline cache the worker fills; never calls Binance per request.
import { prisma } from "@/lib/db";
import type { KlinesQuery } from "./klines-query";

export { klinesQuerySchema, parseKlinesQuery, type KlinesQuery } from "./klines-query";

/** [open_time_ms, open, high, low, close, volume] */
export type KlineRow = [number, number, number, number, number, number];

// The latest `limit` candles of a pair and interval, oldest first (as Binance returns them).
export async function getKlines({ symbol, interval, limit }: KlinesQuery): Promise<{ klines: KlineRow[] }> {
  const rows = await prisma.kline.findMany({
    where: { symbol, interval },
    orderBy: { openTime: "desc" },
    take: limit,
    select: { openTime: true, open: true, high: true, low: true, close: true, volume: true },
  });
  rows.reverse();
  return { klines: rows.map((r) => [Number(r.openTime), r.open, r.high, r.low, r.close, r.volume]) };
}
