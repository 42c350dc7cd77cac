"use client";
// The selected pair's live price and 24 h change, high, low and volume.
import useSWR from "swr";
import { useEffect } from "react";
import { formatCompact, formatPct, formatPrice } from "@/components/format/format-number";
import { seedTicker } from "@/components/live/market-socket";
import { useQuote, useQuoteSource, useTicker } from "@/components/live/use-live";
import { swrFetcher } from "@/components/data/api-fetch";
import { LivePrice } from "./live-price";
import styles from "./price-header.module.css";

type KlineRow = [number, number, number, number, number, number];

function Stat({ label, value, className = "" }: { label: string; value: string; className?: string }) {
  return (
    <div className={styles.stat}>
      <dt>{label}</dt>
      <dd className={`num ${className}`}>{value}</dd>
    </div>
  );
}

// The 24 h change moves with every tick: its own small component, so the header around it stays put.
function Change24h({ symbol }: { symbol: string }) {
  const ticker = useTicker(symbol);
  const price = useQuote(symbol)?.price ?? ticker?.price;
  const change = ticker?.open && price ? ((price - ticker.open) / ticker.open) * 100 : (ticker?.change_pct_24h ?? null);
  return <Stat label="24 h change" value={formatPct(change)} className={change == null ? "" : change >= 0 ? "up" : "down"} />;
}

function SourceBadge({ symbol }: { symbol: string }) {
  const source = useQuoteSource(symbol);
  return source ? <span className="badge">{source === "simulated" ? "Simulated" : source === "replay" ? "Replay" : "Binance"}</span> : null;
}

// Until the first ticker message, the 24 h figures come from the last 24 hourly candles.
function useSeedTickerFromCandles(symbol: string): void {
  const { data } = useSWR<{ klines: KlineRow[] }>(`/api/klines?symbol=${symbol}&interval=1h&limit=24`, swrFetcher, { revalidateOnFocus: false });
  useEffect(() => {
    const rows = data?.klines;
    if (!rows?.length) return;
    const first = rows[0] as KlineRow;
    const last = rows[rows.length - 1] as KlineRow;
    seedTicker(symbol, {
      price: last[4],
      open: first[1],
      high: Math.max(...rows.map((r) => r[2])),
      low: Math.min(...rows.map((r) => r[3])),
      volume: rows.reduce((a, r) => a + r[5], 0),
      quoteVolume: 0,
      change_pct_24h: first[1] ? ((last[4] - first[1]) / first[1]) * 100 : null,
    });
  }, [data, symbol]);
}

/** Price and 24 h stats of `symbol`; re-renders on ticker messages, not on trades. */
export function PriceHeader({ symbol, base, quote }: { symbol: string; base: string; quote: string }) {
  const ticker = useTicker(symbol);
  useSeedTickerFromCandles(symbol);
  return (
    <section className={`card ${styles.header}`} aria-label={`${symbol} price`}>
      <div className={styles.price}>
        <span className={styles.pair}>
          {base}/{quote}
        </span>
        <LivePrice symbol={symbol} className={styles.big} />
        <SourceBadge symbol={symbol} />
      </div>
      <dl className={styles.stats}>
        <Change24h symbol={symbol} />
        <Stat label="24 h high" value={formatPrice(ticker?.high)} />
        <Stat label="24 h low" value={formatPrice(ticker?.low)} />
        <Stat label={`24 h volume (${base})`} value={formatCompact(ticker?.volume)} />
      </dl>
    </section>
  );
}
