"use client";
// Headlines about the pair's coins first (GET /api/news?pair=), saying plainly when news is unavailable
// or the feeds cannot be reached: nothing is invented.
import Link from "next/link";
import useSWR from "swr";
import { swrFetcher } from "@/components/data/api-fetch";
import styles from "./news-column.module.css";

interface NewsItem {
  id?: string;
  title: string;
  link?: string;
  url?: string;
  source?: string;
  published_at?: string;
  publishedAt?: string;
}

const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

interface FeedStatus {
  configured?: number;
  reachable?: number;
}

function feedsOf(body: unknown): FeedStatus | undefined {
  return (body as { feeds?: FeedStatus } | undefined)?.feeds;
}

function itemsOf(body: unknown): NewsItem[] {
  const b = body as { news?: unknown; items?: unknown } | undefined;
  const list = Array.isArray(b?.news) ? b.news : Array.isArray(b?.items) ? b.items : [];
  return (list as NewsItem[]).filter((n) => typeof n?.title === "string");
}

/** News column for the pair `symbol` (its coins' news first). */
export function NewsColumn({ symbol, base, quote }: { symbol: string; base: string; quote: string }) {
  const { data, error, isLoading } = useSWR<unknown, Error>(`/api/news?pair=${symbol}&limit=6`, swrFetcher, { revalidateOnFocus: false, shouldRetryOnError: false });
  const items = itemsOf(data);
  const feeds = feedsOf(data);
  let empty = `No recent news about ${base} or ${quote}.`;
  if (feeds?.configured === 0) empty = "News is switched off on this server (no feeds configured).";
  else if (feeds && feeds.reachable === 0) empty = "The news feeds cannot be reached right now.";
  return (
    <section className="card" aria-labelledby="news-title">
      <h2 id="news-title">News</h2>
      {isLoading && <div className="skeleton" style={{ height: 120 }} aria-label="Loading news" />}
      {error && <p className="empty">News is unavailable right now.</p>}
      {!isLoading && !error && items.length === 0 && <p className="empty">{empty}</p>}
      <ul className={styles.list}>
        {items.map((n, i) => {
          const when = n.published_at ?? n.publishedAt;
          return (
            <li key={n.id ?? n.link ?? i}>
              <a href={n.link ?? n.url} target="_blank" rel="noopener noreferrer">
                {n.title}
              </a>
              <div className="hint">
                {n.source}
                {when ? ` · ${dateFmt.format(new Date(when))}` : ""}
              </div>
            </li>
          );
        })}
      </ul>
      {items.length > 0 && (
        <p>
          <Link href="/news">All news</Link>
        </p>
      )}
    </section>
  );
}
