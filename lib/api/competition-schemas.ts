// Request bodies of the competitions API (shared with the pages' forms): POST /api/competitions, PATCH
// /api/competitions/{id} (the same fields, all optional) and POST /api/competitions/{id}/join.
import { z } from "zod";
import { parseUnits } from "@/lib/money";
import { findPair } from "@/lib/markets";
import { amount } from "./schemas";
import type { CompetitionTerms } from "@/lib/competitions/competition-terms";

const MAX_DAYS = 366;

const time = z
  .string({ error: "must be an ISO-8601 date-time" })
  .max(40, "must be an ISO-8601 date-time")
  .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && Number.isFinite(Date.parse(s)), "must be an ISO-8601 date-time such as 2026-12-01T09:00:00Z")
  .transform((s) => Date.parse(s));

const name = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");

const pairs = z
  .array(
    z
      .string({ error: "must be a pair such as BTCUSDT" })
      .max(20)
      .transform((s) => s.toUpperCase().replace(/[^A-Z]/g, ""))
      .refine((s) => findPair(s) !== undefined, "is not a traded pair"),
    { error: "must be a list of pairs such as [\"BTCUSDT\"], or null for every pair" },
  )
  .min(1, "must name at least one pair (null: every pair)")
  .max(50)
  .transform((list) => [...new Set(list)])
  .nullable();

/** A fee rate as a fraction of the quote amount (0.001 = 0.1 %), 0..0.1; null: the platform's rates. */
const feeRate = z
  .unknown()
  .transform((v, ctx) => {
    if (v === null) return null;
    const r = parseUnits(v);
    if (!r.ok || r.value > 10_000_000n) {
      ctx.addIssue({ code: "custom", message: r.ok ? "must be at most 0.1 (10 %)" : r.reason });
      return z.NEVER;
    }
    return r.value;
  });

const fields = {
  name,
  starts_at: time,
  ends_at: time,
  starting_balance: amount,
  pairs: pairs.optional(),
  fee_rate: feeRate.optional(),
  allow_reset: z.boolean({ error: "must be true or false" }).optional(),
  visibility: z.enum(["public", "invite"], { error: "must be public or invite" }),
};

const window = (b: { starts_at?: number; ends_at?: number }) => b.starts_at === undefined || b.ends_at === undefined || b.ends_at > b.starts_at;
const notTooLong = (b: { starts_at?: number; ends_at?: number }) =>
  b.starts_at === undefined || b.ends_at === undefined || b.ends_at - b.starts_at <= MAX_DAYS * 86_400_000;

export const createCompetitionBody = z
  .object(fields)
  .refine(window, { path: ["ends_at"], message: "must be after starts_at" })
  .refine(notTooLong, { path: ["ends_at"], message: `must be at most ${MAX_DAYS} days after starts_at` });

export const editCompetitionBody = z
  .object({ ...fields, name: name.optional(), starts_at: time.optional(), ends_at: time.optional(), starting_balance: amount.optional(), visibility: fields.visibility.optional() })
  .refine(window, { path: ["ends_at"], message: "must be after starts_at" })
  .refine(notTooLong, { path: ["ends_at"], message: `must be at most ${MAX_DAYS} days after starts_at` });

export const joinCompetitionBody = z.object({ invite_code: z.string({ error: "must be a string" }).max(32, "is not an invite code").optional() });

export type CreateCompetitionBody = z.infer<typeof createCompetitionBody>;
export type EditCompetitionBody = z.infer<typeof editCompetitionBody>;

/** A validated body as the use cases' terms (domain names and values). */
export function termsOf(b: EditCompetitionBody): Partial<CompetitionTerms> {
  return {
    ...(b.name !== undefined ? { name: b.name } : {}),
    ...(b.starts_at !== undefined ? { startsAt: b.starts_at } : {}),
    ...(b.ends_at !== undefined ? { endsAt: b.ends_at } : {}),
    ...(b.starting_balance !== undefined ? { startingBalance: b.starting_balance } : {}),
    ...(b.pairs !== undefined ? { pairs: b.pairs } : {}),
    ...(b.fee_rate !== undefined ? { feeRate: b.fee_rate } : {}),
    ...(b.allow_reset !== undefined ? { allowReset: b.allow_reset } : {}),
    ...(b.visibility !== undefined ? { visibility: b.visibility } : {}),
  };
}
