// The standings of a competition now: each participant not removed, valued at the last known prices, that
// live value folded into their accumulator of the recorded values, ranked by return (ties by name).
// A handful of queries whatever the history's length: participants, their balances, their filled orders.
import { prisma } from "@/lib/db";
import { lastUsdtPrices } from "@/lib/market/last-prices";
import { valueHoldings, type Holding } from "@/lib/trading/value-holdings";
import type { FinalRow, StandingsState } from "./standings-state";
import { addValue, loadAccumulator, metricsOf, rankOrder, startAccumulator } from "./standings-math";

export interface StandingRow extends FinalRow {
  rank: number;
}

export async function computeStandings(c: { id: string; startingBalance: bigint }, state: StandingsState | null): Promise<StandingRow[]> {
  const people = await prisma.portfolio.findMany({
    where: { competitionId: c.id, removedAt: null },
    select: { id: true, userId: true, user: { select: { name: true } } },
  });
  // Filtered by the competition (a subquery), not by a list of 1,000 ids: no parameter limit to meet.
  const ranked = { competitionId: c.id, removedAt: null };
  const [balances, prices, trades] = await Promise.all([
    prisma.balance.findMany({ where: { portfolio: ranked }, select: { portfolioId: true, coin: true, free: true, locked: true } }),
    lastUsdtPrices(),
    prisma.order.groupBy({ by: ["portfolioId"], where: { portfolio: ranked, status: "FILLED" }, _count: { _all: true } }),
  ]);
  const holdings = new Map<string, Holding[]>();
  for (const b of balances) {
    const list = holdings.get(b.portfolioId);
    if (list) list.push(b);
    else holdings.set(b.portfolioId, [b]);
  }
  const filled = new Map(trades.map((t) => [t.portfolioId, t._count._all]));
  const entries = state && !state.final ? state.entries : {};
  const rows = people.map((p) => {
    const stored = entries[p.id];
    const acc = stored ? loadAccumulator(stored) : startAccumulator(c.startingBalance);
    const m = metricsOf(addValue(acc, valueHoldings(holdings.get(p.id) ?? [], prices.usdt).value));
    return {
      portfolioId: p.id,
      userId: p.userId,
      name: p.user.name,
      value: m.value,
      returnPct: m.returnPct,
      maxDrawdownPct: m.maxDrawdownPct,
      sharpe: m.sharpe,
      trades: filled.get(p.id) ?? 0,
    };
  });
  rows.sort((a, b) => rankOrder({ ...a, key: a.portfolioId }, { ...b, key: b.portfolioId }));
  return rows.map((r, i) => ({ ...r, value: String(r.value), rank: i + 1 }));
}
