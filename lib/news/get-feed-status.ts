// Whether news can be trusted to be current: how many feeds are configured and how many answered on
// their last poll. The News page uses it to say "no feed reachable" instead of showing nothing silently.
import { prisma } from "@/lib/db";
import { configuredFeedUrls } from "./feed-urls";

export interface FeedStatus {
  configured: number;
  /** feeds whose last poll succeeded */
  reachable: number;
  /** feeds polled at least once */
  polled: number;
  /** ISO time of the most recent successful poll of any feed, or null */
  last_ok_at: string | null;
}

/** The configured feeds' last outcomes. */
export async function getFeedStatus(): Promise<FeedStatus> {
  const urls = configuredFeedUrls();
  if (urls.length === 0) return { configured: 0, reachable: 0, polled: 0, last_ok_at: null };
  const states = await prisma.feedState.findMany({
    where: { url: { in: urls } },
    select: { lastFetchedAt: true, lastOkAt: true, lastError: true },
  });
  const lastOk = states.map((s) => s.lastOkAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    configured: urls.length,
    reachable: states.filter((s) => s.lastOkAt && !s.lastError).length,
    polled: states.filter((s) => s.lastFetchedAt).length,
    last_ok_at: lastOk > 0 ? new Date(lastOk).toISOString() : null,
  };
}
