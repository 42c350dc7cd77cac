"use client";
// The dashboard's client root: holds the selected pair and lays out the cards. Live prices never pass
// through here: each card subscribes to the socket itself, so a tick does not re-render the page.
import { useState } from "react";
import { CandleChart } from "@/components/charts/candle-chart";
import { OpenOrders } from "@/components/orders/open-orders";
import { seedQuotes } from "@/components/live/market-socket";
import { MarketTrades } from "./market-trades";
import { NewsColumn } from "./news-column";
import { OrderForm } from "./order-form";
import { PairPicker } from "./pair-picker";
import { PriceHeader } from "./price-header";
import { Watchlist } from "./watchlist";
import type { Order } from "@/components/orders/order";
import type { MarketRow, PairInfo, Wallet } from "./types";
import styles from "./dashboard.module.css";

export interface DashboardProps {
  pairs: PairInfo[];
  markets: MarketRow[];
  initialSymbol: string;
  watchlist: string[];
  /** server-rendered open orders (native shape); without them the list loads in the browser */
  open?: Order[];
  wallet: Wallet;
}

/** The trading dashboard. */
export function Dashboard({ pairs, markets, initialSymbol, watchlist, open, wallet }: DashboardProps) {
  // Server-known prices first, so the first paint already shows them (module store, idempotent).
  seedQuotes(markets);
  const [symbol, setSymbol] = useState(initialSymbol);
  const pair = pairs.find((p) => p.symbol === symbol) ?? pairs[0];

  function select(next: string) {
    setSymbol(next);
    // Keep the choice in the address (shareable, survives reload) without a server round trip.
    window.history.replaceState(null, "", `?symbol=${next}`);
  }

  if (!pair) return null;
  return (
    <div className={styles.grid}>
      <div className={styles.top}>
        <PairPicker pairs={pairs} value={symbol} onChange={select} />
        <PriceHeader symbol={pair.symbol} base={pair.base} quote={pair.quote} />
        {markets.find((m) => m.symbol === pair.symbol)?.tradable === false && (
          <p role="status" data-testid="not-tradable">
            {pair.base}/{pair.quote} is not tradable in this replay: its data folder has no candles of this pair.
          </p>
        )}
      </div>
      <div className={styles.main}>
        <div className={styles.chart}>
          <CandleChart symbol={pair.symbol} />
        </div>
        <div className={styles.open}>
          <OpenOrders initial={open} />
        </div>
      </div>
      <div className={styles.side}>
        <div className={styles.form}>
          <OrderForm key={pair.symbol} pair={pair} initialWallet={wallet} />
        </div>
        <div className={styles.watch}>
          <Watchlist initial={watchlist} current={pair.symbol} onSelect={select} />
        </div>
        <div className={styles.trades}>
          <MarketTrades symbol={pair.symbol} />
        </div>
      </div>
      <aside className={styles.news} aria-label="News">
        <NewsColumn symbol={pair.symbol} base={pair.base} quote={pair.quote} />
      </aside>
    </div>
  );
}
