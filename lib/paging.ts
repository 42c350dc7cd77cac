// Pages of a list (the use cases' side of paging; lib/api/paging.ts parses ?limit=&offset=): a page is
// fetched with `take: limit + 1`, the extra row only says that more follow.

export const PAGE_LIMIT_DEFAULT = 200;
export const PAGE_LIMIT_MAX = 1000;

export interface Page {
  limit: number;
  offset: number;
}

export interface Paging extends Page {
  /** the offset of the next page, or null on the last one */
  next_offset: number | null;
}

/** Cuts one page out of rows fetched with `take: limit + 1`. */
export function toPage<T>(rows: T[], page: Page): { items: T[]; paging: Paging } {
  const more = rows.length > page.limit;
  return { items: more ? rows.slice(0, page.limit) : rows, paging: { ...page, next_offset: more ? page.offset + page.limit : null } };
}
