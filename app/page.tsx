import Link from "next/link";
import { listMarkets } from "@/lib/market/list-markets";
import { currentUser } from "@/lib/auth/current-user";
import { formatPct, formatPrice } from "@/components/format/format-number";
import styles from "./landing.module.css";

// GET / – what CompraVenta is, the markets right now, and the way in.
export default async function Landing() {
  const [user, { markets }] = await Promise.all([currentUser(), listMarkets()]);
  const usdt = markets.filter((m) => m.quote === "USDT");
  const simulated = markets.some((m) => m.source === "simulated");
  const replayed = markets.some((m) => m.source === "replay");
  return (
    <>
      <header className={styles.header}>
        <span className={styles.brand}>CompraVenta</span>
        <nav aria-label="Account" className={styles.actions}>
          {user ? (
            <Link className="btn btn-primary" href="/dashboard">
              Open the dashboard
            </Link>
          ) : (
            <>
              <Link className="btn" href="/login">
                Sign in
              </Link>
              <Link className="btn btn-primary" href="/register">
                Create account
              </Link>
            </>
          )}
        </nav>
      </header>
      <main id="main" className="page">
        <section className={styles.hero}>
          <h1>Trade crypto with virtual money at live prices.</h1>
          <p className="muted">
            Start with 50,000 virtual USDT. Buy and sell BTC, ETH, LTC, XRP and BNB at market or with stop orders, follow your portfolio, climb the
            leaderboard, and learn how it all works, without risking a cent.
          </p>
          {!user && (
            <Link className="btn btn-primary" href="/register">
              Get started for free
            </Link>
          )}
        </section>
        <section className="card" aria-labelledby="markets-title">
          <h2 id="markets-title">Markets {simulated && <span className="badge">simulated prices</span>}{replayed && <span className="badge">replayed prices</span>}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Pair</th>
                  <th scope="col" className="right">Last price (USDT)</th>
                  <th scope="col" className="right">24 h</th>
                </tr>
              </thead>
              <tbody>
                {usdt.map((m) => (
                  <tr key={m.symbol}>
                    <th scope="row">
                      {m.base}/{m.quote}
                    </th>
                    <td className="num right">{m.tradable ? formatPrice(m.price) : "not in the replay data"}</td>
                    <td className={`num right ${(m.change_pct_24h ?? 0) > 0 ? "up" : (m.change_pct_24h ?? 0) < 0 ? "down" : ""}`}>{formatPct(m.change_pct_24h)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </main>
    </>
  );
}
