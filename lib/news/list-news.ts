// GET /api/news and the News page: stored items newest first, optionally only those mentioning some coins,
// or with a pair's coins first (the dashboard column). Only what the feeds published; nothing is made up.
import { prisma } from "@/lib/db";
import { COINS, type Coin } from "@/lib/markets";
import { getFeedStatus, type FeedStatus } from "./get-feed-status";
import { NEWS_LIMIT_DEFAULT, type NewsQuery } from "./news-query";
import { toPage, type Paging } from "@/lib/api/paging";

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
  paging: Paging;
}

const select = { id: true, title: true, link: true, source: true, publishedAt: true, summary: true, coins: true } as const;
const newestFirst = [{ publishedAt: "desc" as const }, { fetchedAt: "desc" as const }, { id: "asc" as const }];

// Coin codes are stored comma-separated; no code is a substring of another, so `contains` is exact.
const mentionsAny = (coins: readonly Coin[]) => ({ OR: coins.map((c) => ({ coins: { contains: c } })) });

/** The news list for the query (coin filter, pair-first ordering, limit, offset) plus the feeds' status. */
export async function listNews(query: Partial<NewsQuery> = {}): Promise<NewsList> {
  const page = { limit: query.limit ?? NEWS_LIMIT_DEFAULT, offset: query.offset ?? 0 };
  const [rows, feeds] = await Promise.all([findItems(query, page.limit + 1, page.offset), getFeedStatus()]);
  const { items, paging } = toPage(rows, page);
  return { news: items, feeds, paging };
}

async function findItems(query: Partial<NewsQuery>, take: number, skip: number): Promise<NewsItemView[]> {
  if (query.coin && query.coin.length > 0) {
    const rows = await prisma.newsItem.findMany({ where: mentionsAny(query.coin), orderBy: newestFirst, skip, take, select });
    return rows.map(toView);
  }
  if (query.pair) {
    // The pair's items, then the others: one list, paged across the seam.
    const mentions = mentionsAny([query.pair.base, query.pair.quote]);
    const firstCount = await prisma.newsItem.count({ where: mentions });
    const first =
      skip < firstCount ? await prisma.newsItem.findMany({ where: mentions, orderBy: newestFirst, skip, take, select }) : [];
    const rest =
      first.length < take
        ? await prisma.newsItem.findMany({
            where: { NOT: mentions },
            orderBy: newestFirst,
            skip: Math.max(0, skip - firstCount),
            take: take - first.length,
            select,
          })
        : [];
    return [...first, ...rest].map(toView);
  }
  const rows = await prisma.newsItem.findMany({ orderBy: newestFirst, skip, take, select });
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
