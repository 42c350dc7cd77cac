"use client";
// The replay's clock in the header, "Replay 2022-06-13 14:05 ×60", live from /ws; the operator also gets
// pause/resume and the speed. Renders nothing when the market is not replayed.
import { useCallback, useState } from "react";
import { apiFetch, ApiError } from "@/components/data/api-fetch";
import { useReplayClock } from "@/components/live/use-live";
import type { ReplayClock } from "@/components/live/market-socket";
import styles from "./replay-bar.module.css";

const SPEEDS = [1, 10, 60, 300, 1800, 3600, 86400];

export interface ReplayBarProps {
  initial: ReplayClock;
  operator: boolean;
}

/** "2022-06-13 14:05" of an epoch-ms market time (UTC, as Binance's data is). */
export function replayClockText(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace("T", " ");
}

export function ReplayBar({ initial, operator }: ReplayBarProps) {
  const [clock, setClock] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useReplayClock(useCallback((r: ReplayClock) => setClock(r), []));
  const steer = async (body: { paused?: boolean; speed?: number }) => {
    setError(null);
    try {
      const r = await apiFetch<{ replay: { time_ms: number; speed: number; paused: boolean; ended: boolean } }>("/api/replay", { method: "POST", body });
      setClock({ time: r.replay.time_ms, speed: r.replay.speed, paused: r.replay.paused, ended: r.replay.ended });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The replay could not be changed.");
    }
  };
  return (
    <div className={styles.bar} role="status" data-testid="replay-bar">
      <span data-testid="replay-clock">
        Replay {replayClockText(clock.time)} ×{clock.speed}
        {clock.paused ? (clock.ended ? " (ended)" : " (paused)") : ""}
      </span>
      {operator && (
        <span className={styles.controls}>
          <button type="button" onClick={() => void steer({ paused: !clock.paused })} disabled={clock.ended}>
            {clock.paused ? "Resume" : "Pause"}
          </button>
          <label>
            Speed{" "}
            <select aria-label="Replay speed" value={SPEEDS.includes(clock.speed) ? clock.speed : ""} onChange={(e) => void steer({ speed: Number(e.target.value) })}>
              {!SPEEDS.includes(clock.speed) && <option value="">×{clock.speed}</option>}
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  ×{s}
                </option>
              ))}
            </select>
          </label>
        </span>
      )}
      {error && <span role="alert"> {error}</span>}
    </div>
  );
}
