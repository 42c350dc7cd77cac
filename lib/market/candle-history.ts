// Candles of every charted interval, built in memory from what a market source produces (the simulated
// market's ticks, the replay's ticks and candles), the latest `limit` kept per pair and interval; and the
// rolling 24 h statistics read from them, and the ticker a market source publishes from them.
import { unitsToNumber } from "@/lib/money";
import type { Candle } from "./binance-rest";
import { candleOpenTime, INTERVAL_MS, KLINE_INTERVALS, type KlineInterval } from "./intervals";
import type { Ticker } from "./types";

const DAY = 86_400_000;

export interface DayStats {
  open: number;
  high: number;
  low: number;
  volume: number;
}

export class CandleHistory {
  /** per pair, one list per KLINE_INTERVALS entry (same order) */
  private lists = new Map<string, Candle[][]>();

  constructor(private readonly limit = 1000) {}

  /** the candles of a pair and interval, oldest first, the current (unfinished) one last */
  candles(symbol: string, interval: KlineInterval): readonly Candle[] {
    const list = this.lists.get(symbol)?.[KLINE_INTERVALS.indexOf(interval)] ?? [];
    return list.length > this.limit ? list.slice(-this.limit) : list;
  }

  set(symbol: string, interval: KlineInterval, candles: Candle[]): void {
    this.pair(symbol)[KLINE_INTERVALS.indexOf(interval)] = candles;
  }

  isEmpty(): boolean {
    return this.lists.size === 0;
  }

  private pair(symbol: string): Candle[][] {
    let lists = this.lists.get(symbol);
    if (!lists) this.lists.set(symbol, (lists = KLINE_INTERVALS.map(() => [])));
    return lists;
  }

  clear(): void {
    this.lists.clear();
  }

  // Merges a piece of market activity at `time` into the candle of each interval that contains it: a
  // trade (open = high = low = close) or a finer candle.
  add(symbol: string, time: number, open: number, high: number, low: number, close: number, volume: number): void {
    const lists = this.pair(symbol);
    for (let i = 0; i < KLINE_INTERVALS.length; i++) {
      const list = lists[i] as Candle[];
      const openTime = candleOpenTime(KLINE_INTERVALS[i] as KlineInterval, time);
      const last = list[list.length - 1];
      if (last && last.openTime === openTime) {
        if (high > last.high) last.high = high;
        if (low < last.low) last.low = low;
        last.close = close;
        last.volume += volume;
      } else if (!last || last.openTime < openTime) {
        list.push({ openTime, open, high, low, close, volume });
        if (list.length > this.limit * 2) list.splice(0, list.length - this.limit);
      }
    }
  }

  // Open, high, low and volume of the day up to `now`, from the 15-minute candles; `last` counts too.
  dayStats(symbol: string, now: number, last: number): DayStats {
    const from = now - DAY;
    let open: number | undefined;
    let high = last;
    let low = last;
    let volume = 0;
    for (const c of this.candles(symbol, "15m")) {
      if (c.openTime + INTERVAL_MS["15m"] <= from || c.openTime > now) continue;
      open ??= c.open;
      if (c.high > high) high = c.high;
      if (c.low < low) low = c.low;
      volume += c.volume;
    }
    return { open: open ?? last, high, low, volume };
  }

  /** The pair's 24 h ticker at `now` with the last price `last`; the source's `toUnits` rounds its prices. */
  dayTicker(symbol: string, last: bigint, now: number, toUnits: (price: number) => bigint): Ticker {
    const lastF = unitsToNumber(last);
    const day = this.dayStats(symbol, now, lastF);
    return {
      symbol,
      last,
      open: toUnits(day.open),
      high: toUnits(day.high),
      low: toUnits(day.low),
      volume: Number(day.volume.toFixed(8)),
      quoteVolume: Number((day.volume * lastF).toFixed(8)),
      time: now,
    };
  }
}
