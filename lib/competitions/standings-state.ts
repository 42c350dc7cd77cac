// What Competition.standings holds. While the competition runs: every participant's accumulator of the
// values recorded so far (standings-math.ts), written by the worker at each recording; the leaderboard
// folds the live value into it. Once ended: the frozen final rows, written once ("final" first, so the
// ending job can find unfinished competitions with a prefix match).
import type { StoredAccumulator } from "./standings-math";

export interface FinalRow {
  portfolioId: string;
  userId: string;
  name: string;
  /** USDT units (1e-8), as text */
  value: string;
  returnPct: number;
  maxDrawdownPct: number;
  sharpe: number | null;
  trades: number;
}

export type StandingsState =
  | { final: false; asOf: number; entries: Record<string, StoredAccumulator> }
  | { final: true; asOf: number; standings: FinalRow[] };

export const FINAL_PREFIX = '{"final":true';

export function parseStandings(text: string | null): StandingsState | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as StandingsState;
  } catch {
    return null;
  }
}

export function serialiseStandings(s: StandingsState): string {
  return s.final
    ? JSON.stringify({ final: true, asOf: s.asOf, standings: s.standings })
    : JSON.stringify({ final: false, asOf: s.asOf, entries: s.entries });
}
