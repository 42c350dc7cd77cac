"use client";
// The wallet: value, profit, rating, balances and locked funds per coin, and the two charts. Server
// data first; SWR refreshes it after orders and fills (FillNotifier revalidates /api/wallet).
import dynamic from "next/dynamic";
import useSWR from "swr";
import { swrFetcher } from "@/components/data/api-fetch";
import { formatAmount, formatPrice, formatUsdt } from "@/components/format/format-number";
import type { Wallet } from "@/components/trade/types";
import { Stars } from "./stars";
import styles from "./wallet-view.module.css";

// recharts renders only in the browser and is heavy: load it with the charts, not with the page.
const chartBox = (h: number) =>
  function ChartLoading() {
    return <div className="skeleton" style={{ height: h }} aria-label="Loading chart" />;
  };
const AllocationChart = dynamic(() => import("./allocation-chart").then((m) => m.AllocationChart), { ssr: false, loading: chartBox(260) });
const ValueChart = dynamic(() => import("./value-chart").then((m) => m.ValueChart), { ssr: false, loading: chartBox(260) });

interface Rating {
  stars: number;
  rank: number;
  users: number;
}

export interface WalletViewProps {
  wallet: Wallet;
  usdtPrices: Record<string, number | null>;
  rating: Rating;
  history: { at: string; value: number }[];
}

/** Everything on the wallet page. */
export function WalletView({ wallet: initial, usdtPrices, rating: initialRating, history: initialHistory }: WalletViewProps) {
  const { data: wallet = initial } = useSWR<Wallet>("/api/wallet", swrFetcher, { fallbackData: initial });
  // The rating (stars, rank) is the server's formula; refreshed with the wallet after fills.
  const { data: profile } = useSWR<{ rating: Rating }>("/api/myprofile", swrFetcher, { fallbackData: { rating: initialRating } });
  const { stars, rank, users } = profile?.rating ?? initialRating;
  const { data: hist } = useSWR<{ history: { at: string; value: number }[] }>("/api/portfolio/history", swrFetcher, {
    fallbackData: { history: initialHistory },
  });
  const coins = Object.keys(wallet.balance);
  const rows = coins.map((c) => {
    const free = wallet.balance[c] ?? 0;
    const locked = wallet.fixed_balance[c] ?? 0;
    const price = usdtPrices[c] ?? null;
    return { coin: c, free, locked, price, value: price === null ? null : (free + locked) * price };
  });
  const pnlClass = wallet.pnl > 0 ? "up" : wallet.pnl < 0 ? "down" : "";
  return (
    <div className={styles.grid}>
      <section className={`card ${styles.summary}`} aria-label="Summary">
        <div>
          <div className="hint">Portfolio value</div>
          <div className={`num ${styles.big}`} data-testid="portfolio-value">
            {formatUsdt(wallet.portfolio_value)}
          </div>
        </div>
        <div>
          <div className="hint">Profit / loss</div>
          <div className={`num ${styles.big} ${pnlClass}`} data-testid="pnl">
            {formatUsdt(wallet.pnl)}
          </div>
        </div>
        <div>
          <div className="hint">Rating</div>
          <div className={styles.big}>
            <Stars count={stars} />
          </div>
          <div className="hint">
            Rank {rank} of {users}
          </div>
        </div>
        {wallet.prices_stale && <p className="hint">Valued at the last known prices (the feed is not fresh).</p>}
      </section>
      <section className={`card ${styles.balances}`} aria-labelledby="bal-title">
        <h2 id="bal-title">Balances</h2>
        <div className="table-wrap">
          <table className="table" data-testid="balances">
            <thead>
              <tr>
                <th scope="col">Coin</th>
                <th scope="col" className="right">Available</th>
                <th scope="col" className="right">Locked</th>
                <th scope="col" className="right hide-phone">Price (USDT)</th>
                <th scope="col" className="right">Value (USDT)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.coin} data-coin={r.coin}>
                  <th scope="row">{r.coin}</th>
                  <td className="num right">{formatAmount(r.free)}</td>
                  <td className="num right">{formatAmount(r.locked)}</td>
                  <td className="num right hide-phone">{formatPrice(r.price)}</td>
                  <td className="num right">{formatPrice(r.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="alloc-title">
        <h2 id="alloc-title">Allocation</h2>
        <AllocationChart slices={rows.filter((r) => (r.value ?? 0) > 0).map((r) => ({ coin: r.coin, value: r.value ?? 0 }))} />
      </section>
      <section className="card" aria-labelledby="hist-title">
        <h2 id="hist-title">Portfolio value over time</h2>
        <ValueChart points={hist?.history ?? []} current={wallet.portfolio_value} />
      </section>
    </div>
  );
}
