// GET /api/replay: the running replay's clock and pairs, or {replay: null} when the market is not replayed.
import { presentReplay, type ReplayJson } from "./present-replay";
import { isReplayOperator } from "./replay-operators";
import { replayState } from "./replay-registry";

export function getReplay({ email }: { email?: string | null } = {}): { replay: ReplayJson | null } {
  const s = replayState();
  return { replay: s ? presentReplay(s, isReplayOperator(email)) : null };
}
