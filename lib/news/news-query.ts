// The query of GET /api/news, shared by the route and the News page: ?coin=BTC (or BTC,ETH) filters,
// ?pair=ETHBTC puts that pair's coins first, ?limit= caps the list (default 20, at most 100), ?offset= pages.
import { z } from "zod";
import { findPair, isCoin, type Coin } from "@/lib/markets";
import { offsetField } from "@/lib/api/paging";

export const NEWS_LIMIT_DEFAULT = 20;
export const NEWS_LIMIT_MAX = 100;

const coinList = z
  .string()
  .max(100, "is too long")
  .transform((s, ctx) => {
    const coins = s
      .split(",")
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const unknown = coins.find((c) => !isCoin(c));
    if (unknown !== undefined) {
      ctx.addIssue({ code: "custom", message: `${unknown.slice(0, 10)} is not a known coin (BTC, ETH, LTC, XRP, BNB, USDT)` });
      return z.NEVER;
    }
    return [...new Set(coins)] as Coin[];
  });

export const newsQuery = z.object({
  coin: coinList.optional(),
  pair: z
    .string()
    .max(20, "is too long")
    .transform((s, ctx) => {
      const p = findPair(s);
      if (!p) {
        ctx.addIssue({ code: "custom", message: "is not a known pair" });
        return z.NEVER;
      }
      return p;
    })
    .optional(),
  limit: z.coerce
    .number({ error: `must be a whole number from 1 to ${NEWS_LIMIT_MAX}` })
    .int(`must be a whole number from 1 to ${NEWS_LIMIT_MAX}`)
    .min(1, `must be a whole number from 1 to ${NEWS_LIMIT_MAX}`)
    .max(NEWS_LIMIT_MAX, `must be at most ${NEWS_LIMIT_MAX}`)
    .default(NEWS_LIMIT_DEFAULT),
  offset: offsetField(),
});

export type NewsQuery = z.infer<typeof newsQuery>;
