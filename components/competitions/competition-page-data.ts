// What the competition pages render on the server (read through lib/competitions use cases, presented as
// the API presents them), handed to the client components as their SWR fallback data.
import type { Competition, EquitySeries, Leaderboard } from "./competition";

export interface CompetitionPageData {
  competition: Competition;
  leaderboard: Leaderboard;
  equity: { series: EquitySeries[] };
}
