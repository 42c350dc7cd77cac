// Shapes the trading components receive from server components and the REST API.

/** A pair as the browser needs it: the lot step as decimal text (from lib/markets PAIRS). */
export interface PairInfo {
  symbol: string;
  base: string;
  quote: string;
  step: string;
}

export interface MarketRow {
  symbol: string;
  price: number | null;
  change_pct_24h: number | null;
  source: string | null;
  stale: boolean;
  /** false for a pair the running replay has no data for */
  tradable?: boolean;
}

export interface Wallet {
  /** the total value, as the original named it */
  profit: number;
  /** value minus the starting balance */
  pnl: number;
  portfolio_value: number;
  balance: Record<string, number>;
  fixed_balance: Record<string, number>;
  prices_stale?: boolean;
}

/** An order row of /api/transactions/open|closed. */
export interface Tx {
  order_id: string;
  symbol?: string;
  base: string;
  quote: string;
  b_amount: number;
  price: number | null;
  stop?: number | null;
  date: string;
  time: string;
  timestamp?: string;
  order_type: "M" | "SL" | "TP" | "L" | "LM" | "SLL" | "TPL";
  side: "BUY" | "SELL";
  status?: string;
  fixed?: number;
  q_amount?: number;
  fee?: number;
  reason?: string;
}
