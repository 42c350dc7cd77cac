"use client";
// Time left to a competition's start or end, ticking each second; `onZero` lets the page refresh its data.
import { useEffect, useState } from "react";
import type { Competition } from "./competition";
import styles from "./competitions.module.css";

function left(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d > 0 ? `${d} d ` : ""}${pad(h)}:${pad(m)}:${pad(s % 60)}`;
}

export function Countdown({ c, onZero }: { c: Competition; onZero: () => void }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const target = c.status === "scheduled" ? Date.parse(c.starts_at) : c.status === "running" ? Date.parse(c.ends_at) : null;
  const reached = target !== null && now !== null && now >= target;
  useEffect(() => {
    if (reached) onZero();
  }, [reached, onZero]);
  if (target === null) return <p data-testid="countdown">This competition has ended; the standings are final.</p>;
  return (
    <p data-testid="countdown" aria-live="off">
      {c.status === "scheduled" ? "Starts in " : "Ends in "}
      <span className={styles.countdown}>{now === null ? "…" : left(target - now)}</span>
    </p>
  );
}
