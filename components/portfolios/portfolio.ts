// The shape of GET /api/portfolios rows (contract of issue 13), as the pages read them.
export type PortfolioKindName = "main" | "practice" | "competition";

export interface PortfolioRow {
  id: string;
  name: string;
  kind: PortfolioKindName;
  competition_id: string | null;
  /** a competition's organiser removed it: it can no longer trade */
  removed?: boolean;
  starting_balance: number;
  value: number;
  pnl: number;
  created_at: string;
}

/** What the header bar knows of the portfolio a page shows (resolved on the server). */
export interface ShownPortfolio {
  id: string;
  name: string;
  kind: PortfolioKindName;
}

export const PORTFOLIOS = "/api/portfolios";
