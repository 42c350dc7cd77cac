// Paging of list endpoints: ?limit= (default and maximum per list) and ?offset=. The list keeps its
// original shape ({"open":[...]}, {"closed":[...]}, …) and gains a `paging` field saying where the next
// page starts, so clients that send no paging parameters still get the newest `limit` rows.
import { z } from "zod";
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from "@/lib/paging";

export { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, toPage, type Page, type Paging } from "@/lib/paging";

/** Deep offsets only make the database skip rows; nobody pages this far by hand. */
export const PAGE_OFFSET_MAX = 1_000_000;

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be at most ${max}`);

/** ?limit= without a default (for lists whose default depends on the caller, e.g. a CSV download). */
export const limitField = (maxLimit = PAGE_LIMIT_MAX) => whole(1, maxLimit);
export const offsetField = () => whole(0, PAGE_OFFSET_MAX).default(0);

/** The ?limit=&offset= fields of a list, with its own default and maximum limit. */
export function pageFields(defaultLimit = PAGE_LIMIT_DEFAULT, maxLimit = PAGE_LIMIT_MAX) {
  return { limit: limitField(maxLimit).default(defaultLimit), offset: offsetField() };
}

/** The query of a list that takes nothing but paging (and the original's optional `email`). */
export const pageQuery = z.object({ ...pageFields(), email: z.string().optional() });
