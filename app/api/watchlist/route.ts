import { withUser } from "@/lib/api/handler";
import { listWatchlist } from "@/lib/watchlist/list-watchlist";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/watchlist – the pairs the user watches
export const GET = withUser(async ({ user }) => listWatchlist({ userId: user.id }));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
