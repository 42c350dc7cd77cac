// GET /api/v3/klines – the Kline cache /api/klines reads (filled by the worker), as Binance's 12-element
// rows; the current candle is brought up to the last trade price. Quote volume is volume x close (the
// cache keeps no quote volume), trade counts and taker volumes 0.
import { prisma } from "@/lib/db";
import { candleOpenTime, INTERVAL_MS, KLINE_INTERVALS, type KlineInterval } from "@/lib/market/intervals";
import { priceStore } from "@/lib/market/price-store";
import type { Pair } from "@/lib/markets";
import { unitsToNumber } from "@/lib/money";
import { BinanceError, MSG } from "./errors";

export const isKlineInterval = (v: string): v is KlineInterval => (KLINE_INTERVALS as readonly string[]).includes(v);

export const badInterval = () => new BinanceError(-1120, MSG.badInterval);

interface KlinesInput {
  pair: Pair;
  interval: KlineInterval;
  startTime?: number;
  endTime?: number;
  limit: number;
}

const text = (v: number) => v.toFixed(8);

export async function binanceKlines({ pair, interval, startTime, endTime, limit }: KlinesInput) {
  const where = {
    symbol: pair.symbol,
    interval,
    ...(startTime !== undefined || endTime !== undefined
      ? { openTime: { ...(startTime !== undefined ? { gte: BigInt(startTime) } : {}), ...(endTime !== undefined ? { lte: BigInt(endTime) } : {}) } }
      : {}),
  };
  const fromStart = startTime !== undefined;
  const rows = await prisma.kline.findMany({
    where,
    orderBy: { openTime: fromStart ? "asc" : "desc" },
    take: limit,
    select: { openTime: true, open: true, high: true, low: true, close: true, volume: true },
  });
  if (!fromStart) rows.reverse();
  const live = priceStore.get(pair.symbol);
  const current = candleOpenTime(interval, Date.now());
  const len = INTERVAL_MS[interval];
  return rows.map((r) => {
    const open = Number(r.openTime);
    let { high, low, close } = r;
    if (open === current && live) {
      close = unitsToNumber(live.price);
      high = Math.max(high, close);
      low = Math.min(low, close);
    }
    return [open, text(r.open), text(high), text(low), text(close), text(r.volume), open + len - 1, text(r.volume * close), 0, "0.00000000", "0.00000000", "0"];
  });
}
