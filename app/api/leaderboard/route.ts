import { withUser } from "@/lib/api/handler";
import { leaderboardQuery } from "@/lib/api/leaderboard-schemas";
import { getLeaderboard } from "@/lib/leaderboard/get-leaderboard";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/leaderboard – users ranked by portfolio value (display names only) and the caller's own rank
export const GET = withUser(async ({ user, query }) => getLeaderboard({ userId: user.id, limit: query.limit, offset: query.offset }), { query: leaderboardQuery });

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
