// The last known USDT price of every coin (for valuing wallets), from the prices the worker records.
// Never waits for a feed: what is known now is used, and whether any of it is stale is said.
import { prisma } from "@/lib/db";
import { COINS, QUOTE_COIN } from "@/lib/markets";
import { isFresh, marketNow } from "./price-freshness";
import { priceStore } from "./price-store";

const USDT_PAIRS = COINS.filter((c) => c !== QUOTE_COIN).map((c) => `${c}${QUOTE_COIN}`);

function fromMemory(now: number): LastPrices {
  const usdt = new Map<string, bigint>([[QUOTE_COIN, 100_000_000n]]);
  let stale = false;
  for (const symbol of USDT_PAIRS) {
    const q = priceStore.get(symbol);
    if (q) usdt.set(symbol.slice(0, -QUOTE_COIN.length), q.price);
    if (priceStore.isStale(q, now)) stale = true;
  }
  return { usdt, stale };
}

export interface LastPrices {
  usdt: Map<string, bigint>;
  stale: boolean;
}

export async function lastUsdtPrices(now: number = marketNow()): Promise<LastPrices> {
  // The process running the feed values wallets at the prices its users see live; others read the
  // prices the worker records (at most a second behind). A coin not seen live since the start is
  // valued at its recorded price, and said to be stale.
  if (!priceStore.feedSource) return fromDatabase(now);
  const live = fromMemory(now);
  if (live.usdt.size === COINS.length) return live;
  const recorded = await fromDatabase(now);
  for (const [coin, price] of recorded.usdt) if (!live.usdt.has(coin)) live.usdt.set(coin, price);
  return { usdt: live.usdt, stale: true };
}

async function fromDatabase(now: number): Promise<LastPrices> {
  const rows = await prisma.marketPrice.findMany({
    where: { symbol: { in: USDT_PAIRS } },
    select: { symbol: true, price: true, updatedAt: true },
  });
  const usdt = new Map<string, bigint>([[QUOTE_COIN, 100_000_000n]]);
  let stale = rows.length < COINS.length - 1;
  for (const r of rows) {
    usdt.set(r.symbol.slice(0, -QUOTE_COIN.length), r.price);
    if (!isFresh(Number(r.updatedAt), now)) stale = true;
  }
  return { usdt, stale };
}
