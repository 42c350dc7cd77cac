// GET /api/competitions/by-code/{invite_code} – the competition an invitation link names, for any signed-in
// user (the code is the secret that opens an invite-only one). Codes are matched without regard to case.
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { competitionSelect, notFound, viewsOf, type CompetitionView } from "./competition-record";

export async function getCompetitionByCode({ inviteCode, userId }: { inviteCode: string; userId: string }): Promise<CompetitionView> {
  const code = inviteCode.trim().toUpperCase();
  if (code.length === 0 || code.length > 32) throw notFound();
  const row = await prisma.competition.findUnique({ where: { inviteCode: code }, select: competitionSelect });
  const [view] = row ? await viewsOf([row], userId, marketNow()) : [];
  if (!view) throw notFound();
  return view;
}
