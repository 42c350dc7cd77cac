"use client";
// A visible banner when prices are simulated or stale, so nobody mistakes them for the live market.
// Its first state comes from the server render (no shift on load); then the server's own word on
// staleness, sent over /ws ({"type":"market","stale"}), updates it: the browser has no threshold of its own.
import { useSocketStatus } from "@/components/live/use-live";
import styles from "./price-banner.module.css";

/** Banner for simulated or stale prices; renders nothing while prices are live from Binance. */
export function PriceBanner({ initialSource, initialStale }: { initialSource: string | null; initialStale: boolean }) {
  const status = useSocketStatus();
  const source = status.source ?? initialSource;
  const stale = status.stale ?? initialStale;
  let text: string | null = null;
  if (source === "simulated") text = "Simulated prices: the app cannot reach Binance, so prices come from a built-in random market.";
  if (source === "replay") text = "Replayed prices: the market is a recording of a past period, played back on the replay's clock.";
  if (stale) text = `${text ? `${text} ` : ""}Prices are stale: no fresh trade has arrived recently, so orders may be refused.`;
  if (!text) return null;
  return (
    <div role="status" className={styles.banner} data-testid="price-banner">
      {text}
    </div>
  );
}
