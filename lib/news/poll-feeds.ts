// All configured feeds, polled side by side: a slow feed does not delay the others beyond its own timeout.
import { configuredFeedUrls } from "./feed-urls";
import { pollFeed, type FeedPollResult, type PollLimits } from "./poll-feed";

export interface PollFeedsOptions extends PollLimits {
  /** defaults to NEWS_FEEDS */
  urls?: string[];
}

/** One-shot poll of every feed; resolves when all have finished or failed (never rejects). */
export async function pollFeeds(opts: PollFeedsOptions = {}): Promise<FeedPollResult[]> {
  const { urls = configuredFeedUrls(), ...limits } = opts;
  return Promise.all(urls.map((url) => pollFeed(url, limits)));
}
