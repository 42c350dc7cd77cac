// The portfolio a request acts on, resolved once at the edge (lib/portfolio/resolve-portfolio.ts) and handed
// to the trading use cases: its id is the owner key of every balance, order and ledger row; a competition's
// rules come with it (lib/portfolio/trading-rules.ts enforces them inside the order's transaction).
import { STARTING_BALANCE } from "@/lib/markets";

export type PortfolioKind = "MAIN" | "PRACTICE" | "COMPETITION";

export interface CompetitionRules {
  id: string;
  /** market clock, ms */
  startsAt: number;
  endsAt: number;
  endedAt: number | null;
  /** the symbols allowed; null: every pair */
  pairs: string[] | null;
  /** 1e-8 units; null: the platform's maker and taker rates */
  feeRate: bigint | null;
  allowReset: boolean;
}

export interface PortfolioScope {
  id: string;
  userId: string;
  kind: PortfolioKind;
  name: string;
  /** USDT, 1e-8 units: what a reset restores */
  startingBalance: bigint;
  /** an organiser removed this participant: it can no longer trade */
  removed: boolean;
  competition: CompetitionRules | null;
}

/** A user's main portfolio: its id is the user's id (the original's endpoints, the global leaderboard). */
export function mainPortfolio(userId: string): PortfolioScope {
  return { id: userId, userId, kind: "MAIN", name: "Main", startingBalance: STARTING_BALANCE, removed: false, competition: null };
}
