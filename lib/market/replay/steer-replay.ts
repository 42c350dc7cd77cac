// POST /api/replay: an operator pauses, resumes or changes the speed of the replay; every browser hears
// the new clock at once (the "replay" event on /ws).
import { AppError } from "@/lib/api/errors";
import { presentReplay, type ReplayJson } from "./present-replay";
import { isReplayOperator } from "./replay-operators";
import { replayControls, replayState } from "./replay-registry";

export interface SteerReplayInput {
  email: string;
  paused?: boolean;
  speed?: number;
}

export function steerReplay({ email, paused, speed }: SteerReplayInput): { replay: ReplayJson } {
  if (!isReplayOperator(email)) throw new AppError("FORBIDDEN", "Only a replay operator (REPLAY_OPERATORS) may pause, resume or change the speed.");
  const controls = replayControls();
  if (!controls) throw new AppError("CONFLICT", "The market is not being replayed (MARKET_SOURCE is not replay).");
  if (speed !== undefined) controls.setSpeed(speed);
  if (paused !== undefined) controls.setPaused(paused);
  const s = replayState();
  if (!s) throw new AppError("CONFLICT", "The replay stopped.");
  return { replay: presentReplay(s, true) };
}
