// GET /api/markets: every pair with its last price, 24 h change, source and staleness.
import { prisma } from "@/lib/db";
import { PAIRS, type Pair } from "@/lib/markets";
import { unitsToNumber } from "@/lib/money";
import { isFresh, marketNow } from "./price-freshness";
import { changePct, priceStore } from "./price-store";
import { replayHasPair } from "./replay/replay-registry";

export interface MarketRow {
  symbol: string;
  base: string;
  quote: string;
  price: number | null;
  change_pct_24h: number | null;
  source: string | null;
  stale: boolean;
  /** false for a pair the running replay has no data for */
  tradable: boolean;
}

const DB_TIMEOUT_MS = 2000;

type PriceRow = { symbol: string; price: bigint; open24h: bigint | null; source: string; updatedAt: bigint };

// Reads the MarketPrice rows, giving up after DB_TIMEOUT_MS so the endpoint never hangs.
async function readPriceRows(): Promise<PriceRow[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PriceRow[]>((resolve) => {
    timer = setTimeout(() => resolve([]), DB_TIMEOUT_MS);
  });
  const query = prisma.marketPrice
    .findMany({ select: { symbol: true, price: true, open24h: true, source: true, updatedAt: true } })
    .catch((e: unknown) => {
      console.error("listMarkets: reading MarketPrice failed:", e instanceof Error ? e.message : e);
      return [] as PriceRow[];
    });
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const row = (p: Pair, price: bigint | undefined, open: bigint | null | undefined, source: string | null, stale: boolean, tradable = true): MarketRow => ({
  symbol: p.symbol,
  base: p.base,
  quote: p.quote,
  price: price === undefined ? null : unitsToNumber(price),
  change_pct_24h: price === undefined ? null : changePct(price, open),
  source,
  stale: stale || !tradable,
  tradable,
});

// All 14 pairs in configuration order; price null when unknown. Memory when this process runs the feed,
// else the worker's MarketPrice rows; either judged fresh by price-freshness.ts at one `now`.
export async function listMarkets(now: number = marketNow()): Promise<{ markets: MarketRow[] }> {
  if (priceStore.feedSource) {
    const feed = priceStore.feedSource;
    return {
      markets: PAIRS.map((p) => {
        const q = priceStore.get(p.symbol);
        return row(p, q?.price, q?.stats?.open, q?.source ?? feed, priceStore.isStale(q, now), replayHasPair(p.symbol));
      }),
    };
  }
  const rows = new Map((await readPriceRows()).map((r) => [r.symbol, r]));
  return {
    markets: PAIRS.map((p) => {
      const r = rows.get(p.symbol);
      return row(p, r?.price, r?.open24h, r?.source ?? null, !r || !isFresh(Number(r.updatedAt), now));
    }),
  };
}
