// The running replay of this process, if any: what it replays and how to steer it. On globalThis like the
// price store, so the API routes (bundled separately by Next.js) reach the replay the worker runs.
import { replayClock, marketNow } from "../market-clock";

export interface ReplayInfo {
  /** pair -> the interval that drives it; pairs not listed have no data and are not tradable */
  pairs: Record<string, string>;
  /** the earliest market time in the data, epoch ms */
  dataStart: number;
  /** where this replay starts (and starts again when it loops) */
  start: number;
  loop: boolean;
}

export interface ReplayControls {
  setPaused(paused: boolean): void;
  setSpeed(speed: number): void;
}

/** The replay as the API and the header show it. */
export interface ReplayState extends ReplayInfo {
  time: number;
  speed: number;
  paused: boolean;
  /** the data ran out and the replay does not loop */
  ended: boolean;
}

type Entry = { info: ReplayInfo; controls: ReplayControls; ended: boolean };
const g = globalThis as unknown as { __compraventaReplay?: { entry: Entry | null } };
const slot = (g.__compraventaReplay ??= { entry: null });

export function registerReplay(info: ReplayInfo, controls: ReplayControls): void {
  slot.entry = { info, controls, ended: false };
}

export function markReplayEnded(ended: boolean): void {
  if (slot.entry) slot.entry.ended = ended;
}

export function unregisterReplay(): void {
  slot.entry = null;
}

export function replayControls(): ReplayControls | null {
  return slot.entry?.controls ?? null;
}

// The current replay state, or null when this process runs no replay.
export function replayState(): ReplayState | null {
  const e = slot.entry;
  const clock = replayClock();
  if (!e || !clock) return null;
  return { ...e.info, time: marketNow(), speed: clock.speed, paused: clock.paused, ended: e.ended };
}

/** Whether `symbol` has data in the running replay (always true when no replay runs). */
export function replayHasPair(symbol: string): boolean {
  const e = slot.entry;
  return !e || symbol in e.info.pairs;
}
