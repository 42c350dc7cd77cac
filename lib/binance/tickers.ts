// GET /api/v3/ticker/24hr, ticker/price, ticker/bookTicker, avgPrice – from the last prices and 24 h
// statistics (lib/market/market-stats.ts); bid and ask are the synthesized book's best levels
// (./depth.ts). A pair without any price yet is left out of "all" answers and is -1013 when asked alone.
import { marketStats, type PairStats } from "@/lib/market/market-stats";
import { recentTrades } from "@/lib/market/recent-trades";
import { PAIRS, type Pair } from "@/lib/markets";
import { divUnits, unitsFromFloat } from "@/lib/money";
import { bestLevels, levelQty } from "./depth";
import { BinanceError, MSG } from "./errors";
import { fixed8 } from "./present-order";

const AVG_PRICE_MINS = 5;

/** The pairs asked for (one, several, or all), with their stats; throws -1013 for one without a price. */
async function statsOf(pairs: readonly Pair[] | undefined): Promise<{ pair: Pair; s: PairStats }[]> {
  const stats = await marketStats();
  const list = (pairs ?? PAIRS).map((pair) => ({ pair, s: stats.get(pair.symbol) }));
  if (pairs && list.some((x) => !x.s)) throw new BinanceError(-1013, MSG.marketClosed);
  return list.filter((x): x is { pair: Pair; s: PairStats } => x.s !== undefined);
}

/** One object for `symbol` (statsOf guarantees its row), else the list. */
const one = <T extends object>(single: boolean, rows: T[]): T | T[] => (single && rows[0] ? rows[0] : rows);

function safeUnits(v: number): bigint {
  return Number.isFinite(v) && v >= 0 ? unitsFromFloat(v) : 0n;
}

function ticker24h(pair: Pair, s: PairStats) {
  const open = s.open ?? s.last;
  const change = s.last - open;
  const pct = open > 0n ? (Number((change * 100_000n) / open) / 1000).toFixed(3) : "0.000";
  const volume = safeUnits(s.volume);
  const quoteVolume = safeUnits(s.quoteVolume);
  const { bid, ask } = bestLevels(pair, s.last);
  const qty = fixed8(levelQty(pair));
  return {
    symbol: pair.symbol, priceChange: fixed8(change), priceChangePercent: pct,
    weightedAvgPrice: fixed8(volume > 0n ? divUnits(quoteVolume, volume, "down") : s.last), prevClosePrice: fixed8(open),
    lastPrice: fixed8(s.last), lastQty: fixed8(0n), bidPrice: fixed8(bid), bidQty: qty, askPrice: fixed8(ask), askQty: qty,
    openPrice: fixed8(open), highPrice: fixed8(s.high ?? s.last), lowPrice: fixed8(s.low ?? s.last), volume: fixed8(volume),
    quoteVolume: fixed8(quoteVolume), openTime: s.time - 86_400_000, closeTime: s.time, firstId: -1, lastId: -1, count: 0,
  };
}

/** `single`: the client sent `symbol` (one object), else `symbols` or nothing (an array). */
export async function tickers24h(pairs: readonly Pair[] | undefined, single: boolean) {
  return one(single, (await statsOf(pairs)).map(({ pair, s }) => ticker24h(pair, s)));
}

export async function tickerPrices(pairs: readonly Pair[] | undefined, single: boolean) {
  return one(single, (await statsOf(pairs)).map(({ pair, s }) => ({ symbol: pair.symbol, price: fixed8(s.last) })));
}

export async function bookTickers(pairs: readonly Pair[] | undefined, single: boolean) {
  return one(
    single,
    (await statsOf(pairs)).map(({ pair, s }) => {
      const { bid, ask } = bestLevels(pair, s.last);
      const qty = fixed8(levelQty(pair));
      return { symbol: pair.symbol, bidPrice: fixed8(bid), bidQty: qty, askPrice: fixed8(ask), askQty: qty };
    }),
  );
}

/** The mean price of the trades of the last 5 minutes this process saw, else the last price. */
export async function avgPrice(pair: Pair) {
  const [row] = await statsOf([pair]);
  const since = Date.now() - AVG_PRICE_MINS * 60_000;
  const trades = recentTrades.latest(pair.symbol, 1000).filter((t) => t.time >= since);
  const mean = trades.length > 0 ? trades.reduce((sum, t) => sum + t.price, 0n) / BigInt(trades.length) : (row as { s: PairStats }).s.last;
  return { mins: AVG_PRICE_MINS, price: fixed8(mean), closeTime: trades.at(-1)?.time ?? (row as { s: PairStats }).s.time };
}

