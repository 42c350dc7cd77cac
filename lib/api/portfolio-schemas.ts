// Query of GET /api/portfolio/history: ?since= and ?before= (epoch ms) bound the window, ?limit= (default
// 500, at most 5000) caps it to the latest points; `paging.next_before` pages back to older ones.
import { z } from "zod";

const epochMs = z.coerce.number({ error: "must be epoch milliseconds" }).int("must be epoch milliseconds").min(0).max(8.64e15);

export const historyQuery = z.object({
  since: epochMs.optional(),
  before: epochMs.optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(5000).optional(),
  email: z.string().optional(),
});
