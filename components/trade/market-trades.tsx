"use client";
// The pair's latest market trades as they arrive over /ws (fixed height: new rows never move the page).
import { formatPrice } from "@/components/format/format-number";
import { useTrades } from "@/components/live/use-live";
import styles from "./market-trades.module.css";

const timeFmt = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

/** Live trade list of `symbol`. */
export function MarketTrades({ symbol }: { symbol: string }) {
  const trades = useTrades(symbol);
  return (
    <section className="card" aria-labelledby="trades-title">
      <h2 id="trades-title">Market trades</h2>
      <div className={styles.list}>
        {trades.length === 0 ? (
          <p className="empty">Waiting for trades…</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Price</th>
                <th scope="col" className="right">
                  Time (UTC)
                </th>
              </tr>
            </thead>
            <tbody>
              {trades.map((t) => (
                <tr key={t.id}>
                  <td className={`num ${t.direction === "flat" ? "" : t.direction}`}>{formatPrice(t.price)}</td>
                  <td className="num right muted">{timeFmt.format(t.time)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
