// Query of the closed-orders lists: ?status=all, paging (?limit= default 200, at most 1000; ?offset=).
import { z } from "zod";
import { limitField, offsetField } from "./paging";

export const closedQuery = z
  .object({
    status: z.enum(["all", "filled"], { error: "must be all or filled" }).optional(),
    limit: limitField().optional(),
    offset: offsetField(),
    email: z.string().optional(),
    format: z.string().optional(),
  })
  .transform(({ status, limit, offset }) => ({ all: status === "all", limit, offset }));
