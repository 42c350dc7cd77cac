import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { getLeaderboard } from "@/lib/leaderboard/get-leaderboard";
import { Stars } from "@/components/wallet/stars";
import { formatUsdt } from "@/components/format/format-number";

export const metadata: Metadata = { title: "Leaderboard" };

// GET /leaderboard – everyone ranked by portfolio value (names only), the user's own rank on top
export default async function LeaderboardPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { leaderboard, me, users, prices_stale } = await getLeaderboard({ userId: user.id, limit: 100 });
  return (
    <>
      <h1>Leaderboard</h1>
      <p className="muted">
        Everyone&apos;s main portfolio. Playing a game with a class or friends? See <Link href="/competitions">Competitions</Link>.
      </p>
      {me && (
        <p className="card" data-testid="my-rank">
          You are <strong>#{me.rank}</strong> of {users} with <span className="num">{formatUsdt(me.portfolio_value)}</span> <Stars count={me.stars} />
        </p>
      )}
      {prices_stale && <p className="hint">Values use the last known prices.</p>}
      <section className="card" aria-labelledby="lb-title" style={{ marginTop: "var(--gap)" }}>
        <h2 id="lb-title">Top traders</h2>
        {leaderboard.length === 0 ? (
          <p className="empty">Nobody has traded yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Name</th>
                  <th scope="col" className="right">Portfolio value</th>
                  <th scope="col" className="right">Profit / loss</th>
                  <th scope="col">Rating</th>
                </tr>
              </thead>
              <tbody>
                {leaderboard.map((r) => (
                  <tr key={r.rank} aria-current={"me" in r ? "true" : undefined} style={"me" in r ? { background: "var(--surface-2)" } : undefined}>
                    <td className="num">{r.rank}</td>
                    <td>
                      {r.name}
                      {"me" in r && <span className="badge" style={{ marginLeft: 8 }}>you</span>}
                    </td>
                    <td className="num right">{formatUsdt(r.portfolio_value)}</td>
                    <td className={`num right ${r.pnl > 0 ? "up" : r.pnl < 0 ? "down" : ""}`}>{formatUsdt(r.pnl)}</td>
                    <td>
                      <Stars count={r.stars} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
