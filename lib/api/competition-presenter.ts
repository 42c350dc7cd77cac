// The native API's competition shapes (snake_case, amounts as JSON numbers in USDT, times ISO-8601): the
// competition object, the leaderboard and the equity series. The invite code is shown to the organiser and
// the participants only; participant ids (to remove one) to the organiser only.
import { unitsToNumber } from "@/lib/money";
import type { CompetitionView } from "@/lib/competitions/competition-record";
import type { StandingRow } from "@/lib/competitions/compute-standings";
import type { Leaderboard } from "@/lib/competitions/get-leaderboard";
import type { EquitySeries } from "@/lib/competitions/get-equity";

const iso = (ms: number) => new Date(ms).toISOString();
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function presentCompetition(c: CompetitionView) {
  return {
    id: c.id,
    name: c.name,
    ...(c.isOrganiser || c.myPortfolioId !== null ? { invite_code: c.inviteCode } : {}),
    visibility: c.visibility,
    starts_at: iso(c.startsAt),
    ends_at: iso(c.endsAt),
    ended_at: c.endedAt === null ? null : iso(c.endedAt),
    starting_balance: unitsToNumber(c.startingBalance),
    pairs: c.pairs,
    fee_rate: c.feeRate === null ? null : unitsToNumber(c.feeRate),
    allow_reset: c.allowReset,
    status: c.status,
    organiser: c.organiserName,
    is_organiser: c.isOrganiser,
    participants: c.participants,
    my_portfolio_id: c.myPortfolioId,
    created_at: iso(c.createdAt),
  };
}

function presentRow(r: StandingRow, userId: string, organiser: boolean) {
  return {
    rank: r.rank,
    name: r.name,
    value: unitsToNumber(BigInt(r.value)),
    return_pct: round(r.returnPct, 6),
    max_drawdown_pct: round(r.maxDrawdownPct, 6),
    sharpe: r.sharpe === null ? null : round(r.sharpe, 6),
    trades: r.trades,
    ...(r.userId === userId ? { mine: true } : {}),
    ...(organiser ? { participant_id: r.portfolioId } : {}),
  };
}

export function presentLeaderboard(l: Leaderboard, userId: string) {
  return {
    final: l.final,
    standings: l.standings.map((r) => presentRow(r, userId, l.isOrganiser)),
    me: l.me ? presentRow(l.me, userId, l.isOrganiser) : null,
  };
}

export function presentEquity(series: EquitySeries[], userId: string) {
  return {
    series: series.map((s) => ({
      name: s.name,
      ...(s.userId === userId ? { mine: true } : {}),
      points: s.points.map((p) => ({ t: p.t, value: unitsToNumber(p.value) })),
    })),
  };
}
