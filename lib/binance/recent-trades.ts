// GET /api/v3/trades and aggTrades – the last ≤ 1000 trades of the pair this process's feed saw
// (lib/market/recent-trades.ts), `[]` if none. The feed does not carry the taker side: isBuyerMaker false.
import { recentTrades, RECENT_TRADES_MAX } from "@/lib/market/recent-trades";
import type { Trade } from "@/lib/market/types";
import type { Pair } from "@/lib/markets";
import { fixed8 } from "./present-order";
import { mulUnits, unitsFromFloat } from "@/lib/money";

const idOf = (t: Trade) => (/^\d{1,15}$/.test(t.tradeId) ? Number(t.tradeId) : 0);
const qtyOf = (t: Trade) => (Number.isFinite(t.qty) && t.qty >= 0 ? unitsFromFloat(t.qty) : 0n);

export function binanceTrades(pair: Pair, limit: number) {
  return recentTrades.latest(pair.symbol, limit).map((t) => ({
    id: idOf(t), price: fixed8(t.price), qty: fixed8(qtyOf(t)), quoteQty: fixed8(mulUnits(t.price, qtyOf(t), "down")), time: t.time,
    isBuyerMaker: false, isBestMatch: true,
  }));
}

interface AggQuery {
  fromId?: number;
  startTime?: number;
  endTime?: number;
  limit: number;
}

export function binanceAggTrades(pair: Pair, q: AggQuery) {
  const all = recentTrades.latest(pair.symbol, RECENT_TRADES_MAX).filter(
    (t) => (q.fromId === undefined || idOf(t) >= q.fromId) && (q.startTime === undefined || t.time >= q.startTime) && (q.endTime === undefined || t.time <= q.endTime),
  );
  const picked = q.fromId !== undefined || q.startTime !== undefined ? all.slice(0, q.limit) : all.slice(-q.limit);
  return picked.map((t) => ({ a: idOf(t), p: fixed8(t.price), q: fixed8(qtyOf(t)), f: idOf(t), l: idOf(t), T: t.time, m: false, M: true }));
}
