// The worker's other round: every running competition's participants get a PortfolioSnapshot at its start
// (the first round after starts_at) and every 5 minutes, and each recorded value is folded into the
// participant's accumulator in Competition.standings (standings-state.ts), so the leaderboard never reads
// the history. The time of the last recording is in the state itself: a new leader carries on from it.
import { prisma } from "@/lib/db";
import { marketNow } from "@/lib/market/market-clock";
import { recordPortfolioSnapshots } from "@/lib/portfolio/record-snapshots";
import { addValue, loadAccumulator, startAccumulator, storeAccumulator, type StoredAccumulator } from "./standings-math";
import { parseStandings, serialiseStandings } from "./standings-state";
import { chunks } from "./chunks";

export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;

/** When each competition was last recorded by this process (saves reading its state every second). */
const lastRecorded = new Map<string, number>();

export async function recordCompetitionSnapshots(now: number = marketNow(), intervalMs = SNAPSHOT_INTERVAL_MS): Promise<number> {
  const running = await prisma.competition.findMany({
    where: { endedAt: null, startsAt: { lte: BigInt(now) }, endsAt: { gt: BigInt(now) } },
    select: { id: true, startingBalance: true },
  });
  let recorded = 0;
  for (const c of running) {
    const last = lastRecorded.get(c.id);
    if (last !== undefined && now - last < intervalMs) continue;
    const row = await prisma.competition.findUnique({ where: { id: c.id }, select: { standings: true } });
    const state = parseStandings(row?.standings ?? null);
    if (state && !state.final && now - state.asOf < intervalMs) {
      lastRecorded.set(c.id, state.asOf);
      continue;
    }
    const entries: Record<string, StoredAccumulator> = state && !state.final ? { ...state.entries } : {};
    const people = await prisma.portfolio.findMany({ where: { competitionId: c.id, removedAt: null }, select: { id: true } });
    const snaps = [];
    for (const ids of chunks(people.map((p) => p.id))) snaps.push(...(await recordPortfolioSnapshots({ portfolioIds: ids, at: now })));
    for (const s of snaps) {
      const stored = entries[s.portfolioId];
      entries[s.portfolioId] = storeAccumulator(addValue(stored ? loadAccumulator(stored) : startAccumulator(c.startingBalance), s.value));
    }
    // Only while it has not ended: the frozen standings are never overwritten.
    await prisma.competition.updateMany({ where: { id: c.id, endedAt: null }, data: { standings: serialiseStandings({ final: false, asOf: now, entries }) } });
    lastRecorded.set(c.id, now);
    recorded++;
  }
  for (const id of lastRecorded.keys()) if (!running.some((c) => c.id === id)) lastRecorded.delete(id);
  return recorded;
}
