// Query of GET /api/portfolio/history: ?since= and ?before= (epoch ms) bound the window, ?limit= (default
// 500, at most 5000) caps it to the latest points; `paging.next_before` pages back to older ones.
import { z } from "zod";
import { amount } from "./schemas";

const epochMs = z.coerce.number({ error: "must be epoch milliseconds" }).int("must be epoch milliseconds").min(0).max(8.64e15);

export const historyQuery = z.object({
  since: epochMs.optional(),
  before: epochMs.optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(5000).optional(),
  email: z.string().optional(),
});

/** A portfolio's name: 1–40 printable characters (shown in the header bar's switcher). */
export const portfolioName = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(40, "must be at most 40 characters")
  .regex(/^[^\u0000-\u001f\u007f<>]*$/, "must not contain control characters or < >");

/** Body of POST /api/portfolios; the starting balance (USDT) defaults to the platform's, at most 1,000,000,000. */
export const createPortfolioBody = z.object({
  name: portfolioName,
  starting_balance: amount.optional(),
});
