// Daily candles from the market worker's kline cache (Kline, interval "1d"). Only complete candles:
// the models were trained on finished days, and a half-formed candle would look like a quiet day.
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { DAY_MS, type Candle } from "@/lib/predict/candle";

/** The newest `limit` complete daily candles of a pair (all of them without a limit), oldest first. */
export async function loadDailyCandles(symbol: string, options: { limit?: number; now?: number } = {}): Promise<Candle[]> {
  const now = options.now ?? marketNow();
  const rows = await prisma.kline.findMany({
    where: { symbol, interval: "1d", openTime: { lte: BigInt(now - DAY_MS) } },
    orderBy: { openTime: "desc" },
    take: options.limit,
    select: { openTime: true, open: true, high: true, low: true, close: true, volume: true },
  });
  return rows.reverse().map((r) => ({ ...r, openTime: Number(r.openTime) }));
}

/** Open time of the newest complete daily candle of a pair, or null (a one-row check for new candles). */
export async function latestDailyOpenTime(symbol: string, now = marketNow()): Promise<number | null> {
  const row = await prisma.kline.findFirst({
    where: { symbol, interval: "1d", openTime: { lte: BigInt(now - DAY_MS) } },
    orderBy: { openTime: "desc" },
    select: { openTime: true },
  });
  return row ? Number(row.openTime) : null;
}

const HOUR_MS = 3_600_000;

/** The newest `limit` complete hourly candles of a pair (for realised volatility), oldest first. */
export async function loadHourlyCandles(symbol: string, options: { limit?: number; now?: number } = {}): Promise<Candle[]> {
  const now = options.now ?? marketNow();
  const rows = await prisma.kline.findMany({
    where: { symbol, interval: "1h", openTime: { lte: BigInt(now - HOUR_MS) } },
    orderBy: { openTime: "desc" },
    take: options.limit,
    select: { openTime: true, open: true, high: true, low: true, close: true, volume: true },
  });
  return rows.reverse().map((r) => ({ ...r, openTime: Number(r.openTime) }));
}
