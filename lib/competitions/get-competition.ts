// GET /api/competitions/{id} – one competition as the caller sees it (invite-only: organiser and participants).
import { marketNow } from "@/lib/market/market-clock";
import { visibleCompetition, type CompetitionView } from "./competition-record";

export async function getCompetition({ competitionId, userId }: { competitionId: string; userId: string }): Promise<CompetitionView> {
  return visibleCompetition(competitionId, userId, marketNow());
}
