// Zod schemas shared by route handlers, forms and the API reference.
import { z } from "zod";
import { parsePositiveInput } from "@/lib/money";
import { findPair, isCoin, type Coin, type Pair } from "@/lib/markets";

/** An amount or price: JSON number or decimal string, finite, > 0, <= 1e9, at most 8 decimals -> bigint units. */
export const amount = z.unknown().transform((v, ctx) => {
  const r = parsePositiveInput(v);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.reason });
    return z.NEVER;
  }
  return r.value;
});

export const side = z
  .string({ error: "must be BUY or SELL" })
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(["BUY", "SELL"], { error: "must be BUY or SELL" }));

export const coin = z
  .string({ error: "must be a coin such as BTC" })
  .transform((s) => s.toUpperCase())
  .refine(isCoin, { message: "is not a known coin" });

export const symbol = z
  .string({ error: "must be a pair such as BTCUSDT" })
  .transform((s, ctx) => {
    const p = findPair(s);
    if (!p) {
      ctx.addIssue({ code: "custom", message: "is not a known pair" });
      return z.NEVER;
    }
    return p;
  });

export const email = z
  .string({ error: "must be an email address" })
  .trim()
  .toLowerCase()
  .max(254, "is too long")
  .pipe(z.email({ error: "must be an email address" }));

export const password = z.string({ error: "must be a string" }).min(8, "must be at least 8 characters").max(256, "is too long");

export const orderId = z.string({ error: "must be an order id" }).min(1, "must be an order id").max(64, "is not an order id");

/** base + quote -> the pair, with the unknown-pair error on the field clients fill in. */
export function pairOf(base: Coin, quote: Coin): Pair | undefined {
  return findPair(`${base}${quote}`);
}
