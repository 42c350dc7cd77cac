// One feed, one poll: conditional fetch -> parse -> clean -> store. Every failure is caught here, logged
// and recorded on the feed, so one broken or hostile feed never stops the others.
import { env } from "@/lib/env";
import { addressPolicy } from "@/lib/net/public-address";
import { fetchFeed, type FetchFeedOptions } from "./fetch-feed";
import { parseFeed } from "./parse-feed";
import { normaliseEntry, type NewsRecord } from "./normalise-entry";
import { sourceName } from "./source-name";
import { storeNewsItems } from "./store-news-items";
import { readFeedValidators, recordFeedFailure, recordFeedSuccess } from "./feed-state";
import { newsInfo, newsWarn } from "./news-log";

/** Entries beyond this are ignored: real feeds carry 10–50, a feed with thousands is abusing us. */
export const MAX_ENTRIES_PER_FEED = 200;

export type FeedPollResult =
  | { url: string; status: "ok"; stored: number; dropped: number }
  | { url: string; status: "not-modified" }
  | { url: string; status: "failed"; error: string };

// Public addresses only, unless the operator allows private ones (NEWS_ALLOW_PRIVATE).
const policy = addressPolicy(env.NEWS_ALLOW_PRIVATE);

export type PollLimits = Pick<FetchFeedOptions, "timeoutMs" | "maxBytes">;

/** Poll the feed at `url` once; never throws. */
export async function pollFeed(url: string, limits: PollLimits = {}): Promise<FeedPollResult> {
  const now = new Date();
  try {
    const validators = await readFeedValidators(url);
    const fetched = await fetchFeed({ url, ...validators, ...limits, policy });
    if (fetched.status === "not-modified") {
      await recordFeedSuccess(url, now);
      return { url, status: "not-modified" };
    }
    const feed = await parseFeed(fetched.xml).catch((error: unknown) => {
      throw new Error(`not a readable RSS/Atom feed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    });
    const source = sourceName(feed.title, url);
    const records: NewsRecord[] = [];
    const reasons = new Map<string, number>();
    let replacedDates = 0;
    for (const entry of feed.entries.slice(0, MAX_ENTRIES_PER_FEED)) {
      const n = normaliseEntry(entry, source, now);
      if (!n.ok) {
        reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
        continue;
      }
      if (n.record.dateReplaced) replacedDates += 1;
      records.push(n.record);
    }
    const dropped = feed.entries.length - records.length;
    if (dropped > 0) {
      const why = [...reasons].map(([r, c]) => `${c} ${r}`);
      if (feed.entries.length > MAX_ENTRIES_PER_FEED) why.push(`${feed.entries.length - MAX_ENTRIES_PER_FEED} over the limit`);
      newsWarn(`${url}: dropped ${dropped} of ${feed.entries.length} entries (${why.join(", ")})`);
    }
    if (replacedDates > 0) newsWarn(`${url}: ${replacedDates} entries had a missing, invalid or future date; using the fetch time`);
    const stored = await storeNewsItems(records);
    await recordFeedSuccess(url, now, { etag: fetched.etag, lastModified: fetched.lastModified });
    if (stored > 0) newsInfo(`${url}: stored ${stored} new items`);
    return { url, status: "ok", stored, dropped };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    newsWarn(`${url}: skipped (${message})`);
    await recordFeedFailure(url, now, message).catch((e: unknown) => newsWarn(`${url}: could not record the failure: ${String(e)}`));
    return { url, status: "failed", error: message };
  }
}
