"use client";
// The watchlist with live prices: add the dashboard's pair, remove any, click one to trade it.
import useSWR from "swr";
import { useState } from "react";
import { apiFetch, swrFetcher } from "@/components/data/api-fetch";
import { formErrorsOf } from "@/components/ui/form-errors";
import { LivePrice } from "./live-price";
import styles from "./watchlist.module.css";

/** Watchlist card; `current` is the dashboard's pair, `onSelect` switches to another. */
export function Watchlist({ initial, current, onSelect }: { initial: string[]; current: string; onSelect: (s: string) => void }) {
  const { data, mutate } = useSWR<{ watchlist: string[] }>("/api/watchlist", swrFetcher, { fallbackData: { watchlist: initial } });
  const [error, setError] = useState<string>();
  const list = data?.watchlist ?? [];
  const watching = list.includes(current);

  async function change(symbol: string, add: boolean) {
    setError(undefined);
    const next = add ? [...list, symbol] : list.filter((s) => s !== symbol);
    try {
      // Show the change at once; SWR puts the server's list back if the call fails.
      await mutate(
        async () => {
          await apiFetch(`/api/watchlist/${symbol}`, { method: add ? "POST" : "DELETE" });
          return { watchlist: next };
        },
        { optimisticData: { watchlist: next }, rollbackOnError: true, revalidate: false },
      );
    } catch (err) {
      setError(formErrorsOf(err, []).message);
    }
  }

  return (
    <section className="card" aria-labelledby="watch-title">
      <div className={styles.head}>
        <h2 id="watch-title">Watchlist</h2>
        <button type="button" className="btn btn-small" aria-pressed={watching} onClick={() => change(current, !watching)}>
          {watching ? `★ Unwatch ${current}` : `☆ Watch ${current}`}
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {list.length === 0 ? (
        <p className="empty">Nothing watched yet. Add the pair you are looking at with “Watch”.</p>
      ) : (
        <ul className={styles.list} data-testid="watchlist">
          {list.map((s) => (
            <li key={s} className={styles.row}>
              <button type="button" className={`btn-link btn ${styles.sym}`} onClick={() => onSelect(s)} aria-current={s === current ? "true" : undefined}>
                {s}
              </button>
              <LivePrice symbol={s} />
              <button type="button" className="btn btn-small btn-danger" onClick={() => change(s, false)} aria-label={`Remove ${s} from the watchlist`}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
