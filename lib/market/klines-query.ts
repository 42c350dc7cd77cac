// The query of GET /api/klines, validated: symbol (any case), interval, limit (default 500, max 1000).
import { z } from "zod";
import { DomainError } from "@/lib/domain-error";
import { findPair } from "@/lib/markets";
import { KLINE_INTERVALS } from "./intervals";

export const KLINES_DEFAULT_LIMIT = 500;
export const KLINES_MAX_LIMIT = 1000;

export const klinesQuerySchema = z.object({
  symbol: z.string().trim().min(1, "is required").max(20).transform((s) => s.toUpperCase()),
  interval: z.enum(KLINE_INTERVALS, { message: `must be one of ${KLINE_INTERVALS.join(", ")}` }),
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(KLINES_MAX_LIMIT, `must be at most ${KLINES_MAX_LIMIT}`)
    .default(KLINES_DEFAULT_LIMIT),
});

export type KlinesQuery = z.infer<typeof klinesQuerySchema>;

// Parses the query string of /api/klines; throws VALIDATION_FAILED (with details) or UNKNOWN_PAIR (400).
export function parseKlinesQuery(params: URLSearchParams | Record<string, string | undefined>): KlinesQuery {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const input = { ...raw, limit: raw.limit === "" ? undefined : raw.limit };
  const parsed = klinesQuerySchema.safeParse(input);
  if (!parsed.success) {
    const details: Record<string, string> = {};
    for (const issue of parsed.error.issues) details[issue.path.join(".") || "query"] ??= issue.message;
    throw new DomainError("VALIDATION_FAILED", "Invalid klines query", details);
  }
  if (!findPair(parsed.data.symbol)) throw new DomainError("UNKNOWN_PAIR", `Unknown pair ${parsed.data.symbol}`);
  return parsed.data;
}
