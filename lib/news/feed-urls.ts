// The feeds to poll, from NEWS_FEEDS (comma-separated). Only http(s) URLs: anything else is a typo to report.
import { env } from "@/lib/env";
import { newsWarn } from "./news-log";

/** The configured feed URLs, de-duplicated; an empty NEWS_FEEDS turns news off. */
export function configuredFeedUrls(raw: string = env.NEWS_FEEDS): string[] {
  const urls = new Set<string>();
  for (const part of raw.split(",")) {
    const candidate = part.trim();
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http(s)");
      urls.add(url.toString());
    } catch {
      newsWarn(`ignoring NEWS_FEEDS entry "${candidate.slice(0, 200)}": not an http(s) URL`);
    }
  }
  return [...urls];
}
