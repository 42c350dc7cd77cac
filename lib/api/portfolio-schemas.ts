// Query of GET /api/portfolio/history.
import { z } from "zod";

export const historyQuery = z.object({
  since: z.coerce.number({ error: "must be epoch milliseconds" }).int().min(0).optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(5000).optional(),
  email: z.string().optional(),
});
