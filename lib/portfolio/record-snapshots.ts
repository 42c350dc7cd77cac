// Records each portfolio's value (USDT, 1e-8 units) at the last known prices: the worker calls it
// hourly for everyone and after every fill for the portfolio concerned, feeding the value-over-time chart.
import { marketNow } from "@/lib/market/market-clock";
import { prisma } from "@/lib/db";
import { lastUsdtPrices } from "@/lib/market/last-prices";
import { valueHoldings, type Holding } from "@/lib/trading/value-holdings";

const INT64_MAX = 2n ** 63n - 1n;

export interface RecordSnapshotsOptions {
  /** only these portfolios (after a fill); all when omitted (the hourly run) */
  portfolioIds?: string[];
  /** snapshot time, epoch ms (tests); now by default */
  at?: number;
}

export interface RecordedSnapshot {
  portfolioId: string;
  value: bigint;
  at: bigint;
}

/** Writes one PortfolioSnapshot per portfolio; returns the rows written (the competitions' standings fold them). */
export async function recordPortfolioSnapshots({ portfolioIds, at = marketNow() }: RecordSnapshotsOptions = {}): Promise<RecordedSnapshot[]> {
  if (portfolioIds && portfolioIds.length === 0) return [];
  const where = portfolioIds ? { portfolioId: { in: portfolioIds } } : {};
  const [balances, prices] = await Promise.all([
    prisma.balance.findMany({ where, select: { portfolioId: true, coin: true, free: true, locked: true } }),
    lastUsdtPrices(),
  ]);
  const byPortfolio = new Map<string, Holding[]>();
  for (const b of balances) byPortfolio.set(b.portfolioId, [...(byPortfolio.get(b.portfolioId) ?? []), b]);
  const rows: RecordedSnapshot[] = [];
  for (const [portfolioId, holdings] of byPortfolio) {
    // A coin held without any known price would be valued at 0: skip rather than record a fake drop.
    if (holdings.some((h) => h.free + h.locked > 0n && !prices.usdt.has(h.coin))) continue;
    // Values past int64 (possible only with absurd prices) are recorded at the column's end, not dropped.
    const value = valueHoldings(holdings, prices.usdt).value;
    rows.push({ portfolioId, value: value > INT64_MAX ? INT64_MAX : value, at: BigInt(at) });
  }
  if (rows.length) await prisma.portfolioSnapshot.createMany({ data: rows });
  return rows;
}
