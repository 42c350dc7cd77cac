// GET /api/competitions/{id}/leaderboard – the ranked participants (display names only). While it runs, or
// until the end is frozen, computed now from each participant's recorded values and live value; once ended,
// the frozen standings (final: true).
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { visibleCompetition } from "./competition-record";
import { computeStandings, type StandingRow } from "./compute-standings";
import { parseStandings } from "./standings-state";

export interface Leaderboard {
  final: boolean;
  standings: StandingRow[];
  /** the caller's row, if they take part and are ranked */
  me: StandingRow | null;
  isOrganiser: boolean;
}

export async function getLeaderboard({ competitionId, userId }: { competitionId: string; userId: string }): Promise<Leaderboard> {
  const c = await visibleCompetition(competitionId, userId, marketNow());
  const row = await prisma.competition.findUnique({ where: { id: competitionId }, select: { standings: true } });
  const state = parseStandings(row?.standings ?? null);
  const final = state?.final === true;
  const standings = state?.final ? state.standings.map((r, i) => ({ ...r, rank: i + 1 })) : await computeStandings(c, state);
  return { final, standings, me: standings.find((r) => r.userId === userId) ?? null, isOrganiser: c.isOrganiser };
}
