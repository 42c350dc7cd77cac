// A competition as the use cases read it, with the caller's relation to it (organiser, participant), and
// the one rule of who may see it: a public one anyone signed in; an invite-only one its organiser and its
// participants (anyone else gets the same 404 as for an id that does not exist).
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";

export type CompetitionStatus = "scheduled" | "running" | "ended";

export interface CompetitionView {
  id: string;
  name: string;
  inviteCode: string;
  visibility: "public" | "invite";
  startsAt: number;
  endsAt: number;
  endedAt: number | null;
  startingBalance: bigint;
  /** null: every pair */
  pairs: string[] | null;
  /** 1e-8 units; null: the platform's rates */
  feeRate: bigint | null;
  allowReset: boolean;
  status: CompetitionStatus;
  organiserId: string;
  organiserName: string;
  isOrganiser: boolean;
  /** participants not removed */
  participants: number;
  /** the caller's portfolio in it, if they joined */
  myPortfolioId: string | null;
  createdAt: number;
}

export const notFound = () => new DomainError("COMPETITION_NOT_FOUND", "There is no competition with this id.");

export function statusOf(c: { startsAt: number; endsAt: number; endedAt: number | null }, now: number): CompetitionStatus {
  if (c.endedAt !== null || now >= c.endsAt) return "ended";
  return now >= c.startsAt ? "running" : "scheduled";
}

export const competitionSelect = {
  id: true, name: true, inviteCode: true, visibility: true, startsAt: true, endsAt: true, endedAt: true, startingBalance: true,
  pairs: true, feeRate: true, allowReset: true, organiserId: true, createdAt: true, organiser: { select: { name: true } },
} as const;

type Row = {
  id: string; name: string; inviteCode: string; visibility: string; startsAt: bigint; endsAt: bigint; endedAt: bigint | null;
  startingBalance: bigint; pairs: string; feeRate: bigint | null; allowReset: boolean; organiserId: string; createdAt: bigint;
  organiser: { name: string };
};

/** Rows -> views for one caller: participant counts and the caller's portfolios in two queries. */
export async function viewsOf(rows: Row[], userId: string, now: number): Promise<CompetitionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [counts, mine] = await Promise.all([
    prisma.portfolio.groupBy({ by: ["competitionId"], where: { competitionId: { in: ids }, removedAt: null }, _count: { _all: true } }),
    prisma.portfolio.findMany({ where: { competitionId: { in: ids }, userId }, select: { id: true, competitionId: true } }),
  ]);
  const count = new Map(counts.map((c) => [c.competitionId, c._count._all]));
  const my = new Map(mine.map((p) => [p.competitionId, p.id]));
  return rows.map((r) => {
    const times = { startsAt: Number(r.startsAt), endsAt: Number(r.endsAt), endedAt: r.endedAt === null ? null : Number(r.endedAt) };
    return {
      id: r.id,
      name: r.name,
      inviteCode: r.inviteCode,
      visibility: r.visibility === "invite" ? "invite" : "public",
      ...times,
      startingBalance: r.startingBalance,
      pairs: r.pairs === "" ? null : r.pairs.split(","),
      feeRate: r.feeRate,
      allowReset: r.allowReset,
      status: statusOf(times, now),
      organiserId: r.organiserId,
      organiserName: r.organiser.name,
      isOrganiser: r.organiserId === userId,
      participants: count.get(r.id) ?? 0,
      myPortfolioId: my.get(r.id) ?? null,
      createdAt: Number(r.createdAt),
    };
  });
}

export function canSee(c: CompetitionView): boolean {
  return c.visibility === "public" || c.isOrganiser || c.myPortfolioId !== null;
}

/** The competition as `userId` sees it; 404 when it does not exist or is invite-only and not theirs. */
export async function visibleCompetition(id: string, userId: string, now: number): Promise<CompetitionView> {
  if (id.length > 64) throw notFound();
  const row = await prisma.competition.findUnique({ where: { id }, select: competitionSelect });
  const [view] = row ? await viewsOf([row], userId, now) : [];
  if (!view || !canSee(view)) throw notFound();
  return view;
}

/** The competition for an organiser's action: 404 as above, 403 for someone who may see it but not run it. */
export async function organisedCompetition(id: string, userId: string, now: number): Promise<CompetitionView> {
  const c = await visibleCompetition(id, userId, now);
  if (!c.isOrganiser) throw new DomainError("FORBIDDEN", "Only the organiser of this competition can do this.");
  return c;
}
