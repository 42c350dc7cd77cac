// The worker's news loop: poll now, then every NEWS_POLL_MS (10 minutes by default). Polls never overlap,
// and the timer does not keep a process alive on its own.
import { env } from "@/lib/env";
import { configuredFeedUrls } from "./feed-urls";
import { pollFeeds } from "./poll-feeds";
import { newsInfo, newsWarn } from "./news-log";

export interface NewsPoller {
  stop(): void;
}

/** Start polling NEWS_FEEDS; call stop() on shutdown. With no feeds configured it does nothing. */
export function startNewsPoller(opts: { intervalMs?: number; urls?: string[] } = {}): NewsPoller {
  const urls = opts.urls ?? configuredFeedUrls();
  const intervalMs = Math.max(1000, opts.intervalMs ?? env.NEWS_POLL_MS);
  if (urls.length === 0) {
    newsInfo("no feeds configured (NEWS_FEEDS is empty); news is off");
    return { stop() {} };
  }
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const run = async () => {
    try {
      await pollFeeds({ urls });
    } catch (error) {
      // pollFeeds catches per feed; this is only a safety net so the loop keeps going.
      newsWarn(`poll failed: ${String(error)}`);
    }
    if (stopped) return;
    timer = setTimeout(() => void run(), intervalMs);
    timer.unref();
  };
  void run();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
