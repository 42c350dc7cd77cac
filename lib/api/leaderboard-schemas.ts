// Query of GET /api/leaderboard: ?limit= (default 50, at most 500) and ?offset=.
import { z } from "zod";
import { pageFields } from "./paging";

export const leaderboardQuery = z.object({ ...pageFields(50, 500), email: z.string().optional() });
