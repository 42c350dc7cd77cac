import { z } from "zod";
import { withUser } from "@/lib/api/handler";
import { AppError } from "@/lib/api/errors";
import { findPair } from "@/lib/markets";
import { addToWatchlist } from "@/lib/watchlist/add-to-watchlist";
import { removeFromWatchlist } from "@/lib/watchlist/remove-from-watchlist";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/watchlist/{symbol} – watch a pair
export const POST = withUser(
  async ({ user, params }) => {
    const pair = findPair(params.symbol ?? "");
    if (!pair) throw new AppError("UNKNOWN_PAIR", `${params.symbol} is not a pair traded here.`, { symbol: "unknown pair" });
    return addToWatchlist({ userId: user.id, pair });
  },
  { body: z.unknown(), status: 201 },
);

// DELETE /api/watchlist/{symbol} – stop watching a pair
export const DELETE = withUser(async ({ user, params }) => removeFromWatchlist({ userId: user.id, symbol: params.symbol ?? "" }), {
  body: z.unknown(),
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, OPTIONS } = otherMethods("POST", "DELETE");
