// GET /api/markets: every pair with its last price, 24 h change, source and staleness.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PAIRS } from "@/lib/markets";
import { unitsToNumber } from "@/lib/money";
import { marketNow } from "./market-clock";
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

// All 14 pairs in configuration order; price null when unknown. Memory when this process runs the feed,
// else the worker's MarketPrice rows.
export async function listMarkets(): Promise<{ markets: MarketRow[] }> {
  if (priceStore.feedSource) {
    const now = marketNow();
    return {
      markets: PAIRS.map((p) => {
        const q = priceStore.get(p.symbol);
        const tradable = replayHasPair(p.symbol);
        return {
          symbol: p.symbol,
          base: p.base,
          quote: p.quote,
          price: q ? unitsToNumber(q.price) : null,
          change_pct_24h: q ? changePct(q.price, q.stats?.open) : null,
          source: q?.source ?? priceStore.feedSource,
          stale: !tradable || priceStore.isStale(q, now),
          tradable,
        };
      }),
    };
  }
  const rows = new Map((await readPriceRows()).map((r) => [r.symbol, r]));
  const now = Date.now();
  return {
    markets: PAIRS.map((p) => {
      const r = rows.get(p.symbol);
      return {
        symbol: p.symbol,
        base: p.base,
        quote: p.quote,
        price: r ? unitsToNumber(r.price) : null,
        change_pct_24h: r ? changePct(r.price, r.open24h) : null,
        source: r?.source ?? null,
        stale: !r || now - Number(r.updatedAt) > env.PRICE_MAX_AGE_MS,
        tradable: true,
      };
    }),
  };
}
