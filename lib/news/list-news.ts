// GET /api/news and the News page: stored items newest first, optionally only those mentioning some coins,
// or with a pair's coins first (the dashboard column). Only what the feeds published; nothing is made up.
import { prisma } from "@/lib/db";
import { COINS, type Coin } from "@/lib/markets";
import { getFeedStatus, type FeedStatus } from "./get-feed-status";
import { NEWS_LIMIT_DEFAULT, type NewsQuery } from "./news-query";

export interface NewsItemView {
  id: string;
  title: string;
  link: string;
  source: string;
  published_at: string;
  summary: string;
  coins: Coin[];
}

export interface NewsList {
  news: NewsItemView[];
  feeds: FeedStatus;
}

const select = { id: true, title: true, link: true, source: true, publishedAt: true, summary: true, coins: true } as const;
const newestFirst = [{ publishedAt: "desc" as const }, { fetchedAt: "desc" as const }, { id: "asc" as const }];

// Coin codes are stored comma-separated; no code is a substring of another, so `contains` is exact.
const mentionsAny = (coins: readonly Coin[]) => ({ OR: coins.map((c) => ({ coins: { contains: c } })) });

/** The news list for the query (coin filter, pair-first ordering, limit) plus the feeds' status. */
export async function listNews(query: Partial<NewsQuery> = {}): Promise<NewsList> {
  const limit = query.limit ?? NEWS_LIMIT_DEFAULT;
  const [news, feeds] = await Promise.all([findItems(query, limit), getFeedStatus()]);
  return { news, feeds };
}

async function findItems(query: Partial<NewsQuery>, limit: number): Promise<NewsItemView[]> {
  if (query.coin && query.coin.length > 0) {
    const rows = await prisma.newsItem.findMany({ where: mentionsAny(query.coin), orderBy: newestFirst, take: limit, select });
    return rows.map(toView);
  }
  if (query.pair) {
    const coins = [query.pair.base, query.pair.quote];
    const first = await prisma.newsItem.findMany({ where: mentionsAny(coins), orderBy: newestFirst, take: limit, select });
    const rest =
      first.length < limit
        ? await prisma.newsItem.findMany({
            where: { NOT: mentionsAny(coins) },
            orderBy: newestFirst,
            take: limit - first.length,
            select,
          })
        : [];
    return [...first, ...rest].map(toView);
  }
  const rows = await prisma.newsItem.findMany({ orderBy: newestFirst, take: limit, select });
  return rows.map(toView);
}

function toView(r: { id: string; title: string; link: string; source: string; publishedAt: Date; summary: string; coins: string }): NewsItemView {
  return {
    id: r.id,
    title: r.title,
    link: r.link,
    source: r.source,
    published_at: r.publishedAt.toISOString(),
    summary: r.summary,
    coins: COINS.filter((c) => r.coins.split(",").includes(c)),
  };
}
