// GET /api/leaderboard – accounts ranked by portfolio value at the last known prices. Only display names
// leave the server (never emails or ids); the caller's own row comes back as `me` even outside the top.
import { unitsToNumber } from "@/lib/money";
import { rankUsers } from "@/lib/trading/rank-users";
import { starsFor } from "@/lib/trading/value-holdings";

export interface LeaderboardRow {
  rank: number;
  name: string;
  portfolio_value: number;
  /** the value, as `profit` means in the wallet (the original's meaning) */
  profit: number;
  /** value minus the starting balance */
  pnl: number;
  stars: number;
}

export async function getLeaderboard({ userId, limit = 50, offset = 0 }: { userId: string; limit?: number; offset?: number }) {
  const { ranking, stale } = await rankUsers();
  const rows = ranking.map(
    (r, i): LeaderboardRow & { mine: boolean } => ({
      rank: i + 1,
      name: r.name,
      portfolio_value: unitsToNumber(r.value),
      profit: unitsToNumber(r.value),
      pnl: unitsToNumber(r.pnl),
      stars: starsFor(r.pnl),
      mine: r.userId === userId,
    }),
  );
  const strip = ({ mine: _mine, ...row }: LeaderboardRow & { mine: boolean }) => ({ ...row, ...(_mine ? { me: true } : {}) });
  const me = rows.find((r) => r.mine);
  const next = offset + limit < rows.length ? offset + limit : null;
  return {
    leaderboard: rows.slice(offset, offset + limit).map(strip),
    me: me ? strip(me) : null,
    users: rows.length,
    prices_stale: stale,
    paging: { limit, offset, next_offset: next },
  };
}
