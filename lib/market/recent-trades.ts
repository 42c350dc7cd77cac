// The last trades of each pair this process's feed saw (at most 1000 a pair, oldest dropped first):
// what /api/v3/trades and aggTrades answer. A process without the feed (Vercel) has none.
import type { Trade } from "./types";

export const RECENT_TRADES_MAX = 1000;

export class RecentTrades {
  private rings = new Map<string, Trade[]>();

  add(trade: Trade): void {
    let ring = this.rings.get(trade.symbol);
    if (!ring) this.rings.set(trade.symbol, (ring = []));
    ring.push(trade);
    // drop in batches: one splice per 100 trades instead of a shift per trade
    if (ring.length > RECENT_TRADES_MAX + 100) ring.splice(0, ring.length - RECENT_TRADES_MAX);
  }

  /** The latest `limit` trades of `symbol`, oldest first. */
  latest(symbol: string, limit: number): Trade[] {
    const ring = this.rings.get(symbol) ?? [];
    return ring.slice(Math.max(0, ring.length - Math.min(limit, RECENT_TRADES_MAX)));
  }

  clear(): void {
    this.rings.clear();
  }
}

const g = globalThis as unknown as { __compraventaRecentTrades?: RecentTrades };
export const recentTrades: RecentTrades = (g.__compraventaRecentTrades ??= new RecentTrades());
