// The shapes of the competitions API (contract of issue 13), as the pages read them.
export type CompetitionStatus = "scheduled" | "running" | "ended";

export interface Competition {
  id: string;
  name: string;
  /** only for the organiser and participants */
  invite_code?: string;
  visibility: "public" | "invite";
  starts_at: string;
  ends_at: string;
  starting_balance: number;
  /** null: every pair */
  pairs: string[] | null;
  /** a fraction (0.001 = 0.1 %); null: the platform's fees */
  fee_rate: number | null;
  allow_reset: boolean;
  status: CompetitionStatus;
  organiser: string;
  is_organiser: boolean;
  participants: number;
  my_portfolio_id: string | null;
}

export interface Standing {
  rank: number;
  name: string;
  value: number;
  return_pct: number;
  max_drawdown_pct: number;
  sharpe: number | null;
  trades: number;
  mine?: true;
  /** only for the organiser */
  participant_id?: string;
}

export interface Leaderboard {
  final: boolean;
  standings: Standing[];
  me: Standing | null;
}

export interface EquitySeries {
  name: string;
  mine?: true;
  points: { t: number; value: number }[];
}

/** The fields of POST /api/competitions (and, all optional, of PATCH). */
export interface CompetitionInput {
  name: string;
  starts_at: string;
  ends_at: string;
  starting_balance: number;
  pairs?: string[] | null;
  fee_rate?: number | null;
  allow_reset?: boolean;
  visibility: "public" | "invite";
}

export const COMPETITIONS = "/api/competitions";
export const competitionPath = (id: string) => `${COMPETITIONS}/${encodeURIComponent(id)}`;
