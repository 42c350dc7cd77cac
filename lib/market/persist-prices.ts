// Writes the latest prices to the MarketPrice table, at most once a second per pair, so that processes
// without a feed (the Vercel app) can price orders and value wallets. A row's updatedAt is the time the
// price was received or last confirmed (the quote's receivedAt), so the row and the in-memory quote are
// judged fresh alike (price-freshness.ts).
import { atomic } from "@/lib/atomic";
import { marketNow } from "./price-freshness";
import type { PriceStore } from "./price-store";

const UPSERT = `INSERT INTO "MarketPrice" ("symbol", "price", "tradeId", "tradeTime", "source", "open24h", "high24h", "low24h", "volume24h", "quoteVolume", "updatedAt")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT ("symbol") DO UPDATE SET "price" = excluded."price", "tradeId" = excluded."tradeId", "tradeTime" = excluded."tradeTime",
  "source" = excluded."source", "open24h" = excluded."open24h", "high24h" = excluded."high24h", "low24h" = excluded."low24h",
  "volume24h" = excluded."volume24h", "quoteVolume" = excluded."quoteVolume", "updatedAt" = excluded."updatedAt"`;

export class PriceWriter {
  private written = new Map<string, number>();

  constructor(private readonly store: PriceStore) {}

  // One transaction with every pair (of those `only` accepts: the pairs this worker fills) whose price is
  // fresh and newer than its last write; returns how many rows it wrote. Stale prices are not written, so
  // the table goes stale when the feed does.
  async flush(now = marketNow(), only: (symbol: string) => boolean = () => true): Promise<number> {
    const steps = [];
    const marks: [string, number][] = [];
    for (const q of this.store.all()) {
      if (!only(q.symbol) || this.store.isStale(q, now) || (this.written.get(q.symbol) ?? 0) >= q.receivedAt) continue;
      const s = q.stats;
      steps.push({
        sql: UPSERT,
        params: [q.symbol, q.price, q.tradeId, BigInt(q.time), q.source, s?.open ?? null, s?.high ?? null, s?.low ?? null,
          s?.volume ?? null, s?.quoteVolume ?? null, BigInt(q.receivedAt)],
      });
      marks.push([q.symbol, q.receivedAt]);
    }
    if (!steps.length) return 0;
    await atomic(steps);
    for (const [symbol, at] of marks) this.written.set(symbol, at);
    return steps.length;
  }
}
