// One parsed feed entry -> the row we store, or a reason to drop it. Titles and summaries become plain
// text; links must be http(s); dates that cannot be read or lie in the future are replaced by the time we
// first saw the item, so a hostile feed cannot pin itself to the top of the list.
import type { Coin } from "@/lib/markets";
import type { FeedEntry } from "./parse-feed";
import { htmlToPlainText, safeHttpUrl } from "./plain-text";
import { tagCoins } from "./tag-coins";

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 600;
const KEY_MAX = 500;
const LINK_MAX = 2000;
/** Clock skew we accept from a publisher before calling a date "in the future". */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
/** Nothing on these feeds predates Bitcoin; earlier dates are garbage. */
const EARLIEST = Date.UTC(2009, 0, 1);

export interface NewsRecord {
  key: string;
  title: string;
  link: string;
  source: string;
  publishedAt: Date;
  summary: string;
  coins: Coin[];
  /** true when the feed's date was missing or unusable and the fetch time stands in for it */
  dateReplaced: boolean;
}

export type Normalised = { ok: true; record: NewsRecord } | { ok: false; reason: string };

/** Validate and clean one entry; `now` is the fetch time. */
export function normaliseEntry(entry: FeedEntry, source: string, now: Date): Normalised {
  const title = htmlToPlainText(entry.title ?? "", TITLE_MAX);
  if (!title) return { ok: false, reason: "no title" };
  const link = safeHttpUrl(entry.link);
  if (!link || link.length > LINK_MAX) return { ok: false, reason: "no http(s) link" };
  const guid = entry.guid?.trim();
  const key = (guid && guid.length <= KEY_MAX ? guid : link).slice(0, KEY_MAX);
  const summary = htmlToPlainText(entry.html ?? "", SUMMARY_MAX);
  const parsed = entry.date ? Date.parse(entry.date) : NaN;
  const usable = Number.isFinite(parsed) && parsed >= EARLIEST && parsed <= now.getTime() + FUTURE_TOLERANCE_MS;
  return {
    ok: true,
    record: {
      key,
      title,
      link,
      source,
      publishedAt: usable ? new Date(Math.min(parsed, now.getTime())) : now,
      summary,
      coins: tagCoins(`${title} ${summary}`),
      dateReplaced: !usable,
    },
  };
}
