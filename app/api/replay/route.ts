import { withPublic, withUser } from "@/lib/api/handler";
import { steerReplayBody } from "@/lib/api/replay-schemas";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { getReplay } from "@/lib/market/replay/get-replay";
import { steerReplay } from "@/lib/market/replay/steer-replay";

export const dynamic = "force-dynamic";

// GET /api/replay – the replayed market's clock (time, speed, paused) and pairs, or {replay: null}
export const GET = withPublic(async () => getReplay());

// POST /api/replay – pause, resume or set the speed of the replay (REPLAY_OPERATORS only)
export const POST = withUser(async ({ user, body }) => steerReplay({ email: user.email, paused: body.paused, speed: body.speed }), { body: steerReplayBody });

// Any other method: a JSON 405 with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
