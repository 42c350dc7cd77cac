// A portfolio in the native wire shape: lower-case kind, USDT amounts as numbers, ISO time.
import { unitsToNumber } from "@/lib/money";
import type { PortfolioSummary } from "@/lib/portfolio/list-portfolios";

export function presentPortfolio(p: PortfolioSummary) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind.toLowerCase(),
    competition_id: p.competitionId,
    removed: p.removed,
    starting_balance: unitsToNumber(p.startingBalance),
    value: unitsToNumber(p.value),
    pnl: unitsToNumber(p.pnl),
    created_at: new Date(Number(p.createdAt)).toISOString(),
  };
}
