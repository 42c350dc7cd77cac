// Query of the closed-orders lists: ?status=all, paging.
import { z } from "zod";

export const closedQuery = z
  .object({
    status: z.enum(["all", "filled"], { error: "must be all or filled" }).optional(),
    limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(1000).optional(),
    offset: z.coerce.number({ error: "must be a number" }).int().min(0).optional(),
    email: z.string().optional(),
    format: z.string().optional(),
  })
  .transform(({ status, limit, offset }) => ({ all: status === "all", limit, offset }));
