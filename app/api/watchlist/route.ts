import { withUser } from "@/lib/api/handler";
import { listWatchlist } from "@/lib/watchlist/list-watchlist";

// GET /api/watchlist – the pairs the user watches
export const GET = withUser(async ({ user }) => listWatchlist({ userId: user.id }));
