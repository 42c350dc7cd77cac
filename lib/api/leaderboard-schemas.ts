// Query of GET /api/leaderboard.
import { z } from "zod";

export const leaderboardQuery = z.object({
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(500).optional(),
  email: z.string().optional(),
});
