"use client";
// A visible banner when prices are simulated or stale, so nobody mistakes them for the live market.
// Its first state comes from the server render (no shift on load); live socket status updates it.
import { useEffect, useState } from "react";
import { useSocketStatus } from "@/components/live/use-live";
import styles from "./price-banner.module.css";

const STALE_AFTER_MS = 15_000;

/** Banner for simulated or stale prices; renders nothing while prices are live from Binance. */
export function PriceBanner({ initialSource, initialStale }: { initialSource: string | null; initialStale: boolean }) {
  const status = useSocketStatus();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  const live = status.lastTickAt > 0;
  const source = status.source ?? initialSource;
  const stale = live ? now - status.lastTickAt > STALE_AFTER_MS : initialStale;
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
