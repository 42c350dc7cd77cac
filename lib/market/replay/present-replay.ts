// The replay's state in the native API's shape (GET/POST /api/replay, the header's first render).
import type { ReplayState } from "./replay-registry";

export interface ReplayJson {
  source: "replay";
  /** market time, ISO 8601 and epoch ms */
  time: string;
  time_ms: number;
  speed: number;
  paused: boolean;
  ended: boolean;
  loop: boolean;
  start: string;
  data_start: string;
  /** pair -> the interval of the data that drives it; pairs not listed are not tradable */
  pairs: Record<string, string>;
  /** whether the caller may pause, resume and change the speed */
  operator: boolean;
}

export function presentReplay(s: ReplayState, operator: boolean): ReplayJson {
  return {
    source: "replay",
    time: new Date(s.time).toISOString(),
    time_ms: s.time,
    speed: s.speed,
    paused: s.paused,
    ended: s.ended,
    loop: s.loop,
    start: new Date(s.start).toISOString(),
    data_start: new Date(s.dataStart).toISOString(),
    pairs: s.pairs,
    operator,
  };
}
