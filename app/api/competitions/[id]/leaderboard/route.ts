import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { presentLeaderboard } from "@/lib/api/competition-presenter";
import { getLeaderboard } from "@/lib/competitions/get-leaderboard";

// GET /api/competitions/{id}/leaderboard – the standings, ranked by return (final once it has ended)
export const GET = withUser(async ({ user, params }) => presentLeaderboard(await getLeaderboard({ competitionId: params.id ?? "", userId: user.id }), user.id));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
