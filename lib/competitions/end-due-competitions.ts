// The worker's round (every second, on the scheduled-jobs leader): competitions whose ends_at has come are
// ended (endedAt = ends_at, then closed by finish-competition.ts), and any ended but not yet frozen (a
// crash or a failed round) is finished. The claim's conditional UPDATE keeps it to once per competition
// even if two processes ran this.
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { claimEnd } from "./end-competition";
import { finishCompetition } from "./finish-competition";
import { FINAL_PREFIX } from "./standings-state";

const WEEK = 7 * 86_400_000;

export async function endDueCompetitions(now: number = marketNow()): Promise<number> {
  const due = await prisma.competition.findMany({ where: { endedAt: null, endsAt: { lte: BigInt(now) } }, select: { id: true, endsAt: true } });
  for (const c of due) await claimEnd(c.id, Number(c.endsAt));
  const unfinished = await prisma.competition.findMany({
    where: { endedAt: { gte: BigInt(now - WEEK) }, OR: [{ standings: null }, { NOT: { standings: { startsWith: FINAL_PREFIX } } }] },
    select: { id: true },
  });
  for (const c of unfinished) await finishCompetition(c.id);
  return unfinished.length;
}
