"use client";
// Closed orders (filled, cancelled, rejected) with a coin filter, paging and CSV export of the filter.
import useSWR from "swr";
import { useState } from "react";
import { swrFetcher } from "@/components/data/api-fetch";
import { formatAmount, formatPrice } from "@/components/format/format-number";
import type { Tx } from "@/components/trade/types";
import styles from "./closed-orders.module.css";

const PAGE = 20;
const COINS = ["BTC", "ETH", "LTC", "XRP", "BNB", "USDT"];

/** The closed-orders card. */
export function ClosedOrders({ initial }: { initial: Tx[] }) {
  const [coin, setCoin] = useState("");
  const [page, setPage] = useState(0);
  // One row more than a page tells whether a next page exists.
  const key = `/api/transactions/closed${coin ? `/${coin}` : ""}?status=all&limit=${PAGE + 1}&offset=${page * PAGE}`;
  const first = !coin && page === 0;
  const { data, error, isLoading } = useSWR<{ closed: Tx[] }, Error>(key, swrFetcher, { fallbackData: first ? { closed: initial } : undefined, keepPreviousData: true });
  const rows = data?.closed.slice(0, PAGE) ?? [];
  const hasNext = (data?.closed.length ?? 0) > PAGE;
  const csv = `/api/transactions/closed?format=csv&status=all${coin ? `&coin=${coin}` : ""}`;
  return (
    <section className="card" aria-labelledby="closed-title">
      <div className={styles.head}>
        <h2 id="closed-title">Closed orders</h2>
        <div className="field" style={{ margin: 0 }}>
          <label htmlFor="closed-coin">Coin</label>
          <select
            id="closed-coin"
            className="input"
            value={coin}
            onChange={(e) => {
              setCoin(e.target.value);
              setPage(0);
            }}
          >
            <option value="">All coins</option>
            {COINS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <a className="btn btn-small" href={csv} download>
          Export CSV
        </a>
      </div>
      {error && <p className="error">Closed orders could not be loaded.</p>}
      {isLoading && !data && <div className="skeleton" style={{ height: 120 }} aria-label="Loading closed orders" />}
      {data && rows.length === 0 && <p className="empty">No closed orders{coin ? ` with ${coin}` : ""} yet.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className={`table ${styles.table}`} data-testid="closed-orders">
            <thead>
              <tr>
                <th scope="col">Date (UTC)</th>
                <th scope="col">Pair</th>
                <th scope="col">Side</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col" className="right">Amount</th>
                <th scope="col" className="right">Price</th>
                <th scope="col" className="right">Stop</th>
                <th scope="col" className="right">Fee</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.order_id} data-order-id={o.order_id}>
                  <td className="num" data-label="Date">
                    {o.date} {o.time}
                  </td>
                  <td data-label="Pair">
                    {o.base}/{o.quote}
                  </td>
                  <td data-label="Side" className={o.side === "BUY" ? "up" : "down"}>{o.side === "BUY" ? "Buy" : "Sell"}</td>
                  <td data-label="Type">{o.order_type === "M" ? "Market" : o.order_type}</td>
                  <td data-label="Status">{(o.status ?? "FILLED").toLowerCase()}</td>
                  <td className="num right" data-label="Amount">{formatAmount(o.b_amount)}</td>
                  <td className="num right" data-label="Price">{o.status === "FILLED" || !o.status ? formatPrice(o.price) : "—"}</td>
                  <td className="num right" data-label="Stop">{o.stop != null ? formatPrice(o.stop) : "—"}</td>
                  <td className="num right" data-label="Fee">{o.fee != null ? `${formatAmount(o.fee)} ${o.quote}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className={styles.pager} aria-label="Closed orders pages">
        <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          Previous
        </button>
        <span className="muted">Page {page + 1}</span>
        <button type="button" className="btn btn-small" disabled={!hasNext} onClick={() => setPage((p) => p + 1)}>
          Next
        </button>
      </nav>
    </section>
  );
}
