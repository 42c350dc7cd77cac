// Who steers the replay (pause, resume, speed): the accounts whose emails REPLAY_OPERATORS lists. In a
// classroom that is the teacher; everyone else sees the replay's clock but cannot change it.
import { env } from "@/lib/env";

const operators = new Set(
  env.REPLAY_OPERATORS.split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean),
);

export function isReplayOperator(email: string | null | undefined): boolean {
  return !!email && operators.has(email.trim().toLowerCase());
}
