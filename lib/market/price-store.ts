// The latest price and 24 h statistics of every pair, in memory. One instance per process on globalThis,
// so the custom server (which runs the feed) and Next.js's separately bundled route handlers share it.
import { env } from "@/lib/env";
import { marketNow } from "./market-clock";
import type { MarketSource, Ticker, Trade } from "./types";

export interface Quote {
  symbol: string;
  price: bigint;
  /** trade id, or `snapshot-<time>` for a REST snapshot (which is not a trade) */
  tradeId: string;
  kind: "trade" | "snapshot";
  /** exchange time of the trade or snapshot, epoch ms */
  time: number;
  /** local time this price was last received or confirmed, epoch ms */
  receivedAt: number;
  source: MarketSource;
  stats?: Omit<Ticker, "symbol" | "last">;
}

export class PriceStore {
  private quotes = new Map<string, Quote>();
  private connected = false;
  private connectedSince = 0;
  /** per pair, a longer freshness window than PRICE_MAX_AGE_MS (a replayed pair: one candle of its data) */
  private freshFor = new Map<string, number>();
  /** the source of the feed running in this process, or null when prices come from the database */
  feedSource: MarketSource | null = null;

  constructor(private maxAgeMs: number = env.PRICE_MAX_AGE_MS) {}

  // The feed says whether its connection is up; a (re)connection makes every older price stale until
  // a newer trade or snapshot arrives, since the market may have moved during the gap.
  setConnected(connected: boolean, now = marketNow()): void {
    if (connected && !this.connected) this.connectedSince = now;
    this.connected = connected;
  }

  isConnected(): boolean {
    return this.connected;
  }

  // Records a trade; trades of a pair arrive in order on one connection, so the latest one wins.
  recordTrade(trade: Trade, source: MarketSource): Quote {
    const prev = this.quotes.get(trade.symbol);
    const quote: Quote = {
      symbol: trade.symbol,
      price: trade.price,
      tradeId: trade.tradeId,
      kind: "trade",
      time: trade.time,
      receivedAt: trade.receivedAt,
      source,
      stats: prev?.stats,
    };
    this.quotes.set(trade.symbol, quote);
    return quote;
  }

  // A REST snapshot taken at `requestedAt` must not overwrite a trade received after the request went out.
  // One that shows the price we hold confirms it (a quiet pair that has not traded is still current).
  recordSnapshot(symbol: string, price: bigint, requestedAt: number, source: MarketSource, now = marketNow()): boolean {
    const prev = this.quotes.get(symbol);
    if (prev && prev.kind === "trade" && prev.receivedAt >= requestedAt) return false;
    if (prev && prev.price === price) {
      prev.receivedAt = Math.max(prev.receivedAt, now);
      return true;
    }
    this.quotes.set(symbol, {
      symbol,
      price,
      tradeId: `snapshot-${now}`,
      kind: "snapshot",
      time: now,
      receivedAt: now,
      source,
      stats: prev?.stats,
    });
    return true;
  }

  // 24 h stats. A ticker whose last price equals ours confirms that price is still current (quiet pairs
  // trade less often than PRICE_MAX_AGE_MS); a pair with no price yet takes the ticker's last price.
  recordTicker(ticker: Ticker, source: MarketSource, now = marketNow()): void {
    const { symbol, last, ...stats } = ticker;
    const prev = this.quotes.get(symbol);
    if (!prev) {
      this.quotes.set(symbol, {
        symbol,
        price: last,
        tradeId: `snapshot-${ticker.time}`,
        kind: "snapshot",
        time: ticker.time,
        receivedAt: now,
        source,
        stats,
      });
      return;
    }
    prev.stats = stats;
    if (prev.price === last && now > prev.receivedAt) prev.receivedAt = now;
  }

  get(symbol: string): Quote | undefined {
    return this.quotes.get(symbol);
  }

  all(): Quote[] {
    return [...this.quotes.values()];
  }

  /** A pair's prices stay fresh for `ms` of market time (at least PRICE_MAX_AGE_MS). */
  setFreshFor(symbol: string, ms: number): void {
    this.freshFor.set(symbol, ms);
  }

  // Whether a price received at `receivedAt` is too old to trade at `now` (market time, lib/market/market-clock.ts);
  // a price from after `now` (a replay that started again) is too old as well.
  isTooOld(symbol: string, receivedAt: number, now = marketNow()): boolean {
    return receivedAt > now || now - receivedAt > Math.max(this.maxAgeMs, this.freshFor.get(symbol) ?? 0);
  }

  // Stale: the feed is down, the price predates the current connection, or it is older than PRICE_MAX_AGE_MS
  // (or the pair's own window) on the market clock.
  isStale(quote: Quote | undefined, now = marketNow()): boolean {
    if (!quote) return true;
    if (!this.connected || quote.receivedAt < this.connectedSince) return true;
    return this.isTooOld(quote.symbol, quote.receivedAt, now);
  }

  clear(): void {
    this.quotes.clear();
    this.connected = false;
    this.connectedSince = 0;
    this.freshFor.clear();
    this.feedSource = null;
  }
}

const g = globalThis as unknown as { __compraventaPrices?: PriceStore };

// The process-wide store; the worker fills it, getFreshPrice and listMarkets read it.
export const priceStore: PriceStore = (g.__compraventaPrices ??= new PriceStore());

// 24 h change in percent (two decimals), or null without an opening price.
export function changePct(price: bigint, open: bigint | null | undefined): number | null {
  if (open === null || open === undefined || open <= 0n) return null;
  return Math.round((Number(price - open) / Number(open)) * 10000) / 100;
}
