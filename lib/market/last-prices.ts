// The last known USDT price of every coin (for valuing wallets), from the prices the worker records.
// Never waits for a feed: what is known now is used, and whether any of it is stale is said.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { COINS, QUOTE_COIN } from "@/lib/markets";

export interface LastPrices {
  usdt: Map<string, bigint>;
  stale: boolean;
}

export async function lastUsdtPrices(): Promise<LastPrices> {
  const rows = await prisma.marketPrice.findMany({
    where: { symbol: { in: COINS.filter((c) => c !== QUOTE_COIN).map((c) => `${c}${QUOTE_COIN}`) } },
    select: { symbol: true, price: true, updatedAt: true },
  });
  const usdt = new Map<string, bigint>([[QUOTE_COIN, 100_000_000n]]);
  const cutoff = Date.now() - env.PRICE_MAX_AGE_MS;
  let stale = rows.length < COINS.length - 1;
  for (const r of rows) {
    usdt.set(r.symbol.slice(0, -QUOTE_COIN.length), r.price);
    if (Number(r.updatedAt) < cutoff) stale = true;
  }
  return { usdt, stale };
}
