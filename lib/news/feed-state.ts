// What we remember per feed between polls: validators for the conditional GET and the last outcome,
// which the News page uses to say honestly whether any feed is reachable.
import { prisma } from "@/lib/db";

export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

/** The ETag / Last-Modified the feed sent last time it answered 200. */
export async function readFeedValidators(url: string): Promise<FeedValidators> {
  const s = await prisma.feedState.findUnique({ where: { url }, select: { etag: true, lastModified: true } });
  return { etag: s?.etag ?? null, lastModified: s?.lastModified ?? null };
}

/** Record a successful poll (200 or 304); validators only change on a 200. */
export async function recordFeedSuccess(url: string, at: Date, validators?: FeedValidators): Promise<void> {
  const data = { lastFetchedAt: at, lastOkAt: at, lastError: null, ...(validators ?? {}) };
  await prisma.feedState.upsert({ where: { url }, create: { url, ...data }, update: data });
}

/** Record a failed poll; the validators stay so the next attempt can still be conditional. */
export async function recordFeedFailure(url: string, at: Date, error: string): Promise<void> {
  const data = { lastFetchedAt: at, lastError: error.slice(0, 500) };
  await prisma.feedState.upsert({ where: { url }, create: { url, ...data }, update: data });
}
