// /news – headlines from the configured crypto feeds, newest first, filterable by coin. Only what the feeds
// published: when no feed can be reached the page says so instead of showing anything made up.
import type { Metadata } from "next";
import { COINS, isCoin, type Coin } from "@/lib/markets";
import { listNews } from "@/lib/news/list-news";
import type { FeedStatus } from "@/lib/news/get-feed-status";
import { CoinFilter } from "./coin-filter";
import styles from "./news.module.css";

export const metadata: Metadata = { title: "News" };
export const dynamic = "force-dynamic";

const dateFmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function NewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).coin;
  const coin: Coin | undefined = typeof raw === "string" && isCoin(raw) ? (raw.toUpperCase() as Coin) : undefined;
  const { news, feeds } = await listNews({ coin: coin ? [coin] : undefined, limit: 50 });

  return (
    <div className={styles.page}>
      <h1>News</h1>
      <CoinFilter coins={COINS} selected={coin} />
      <FeedNotice feeds={feeds} empty={news.length === 0} />
      {news.length === 0 && feeds.reachable > 0 && (
        <p className={styles.empty} data-testid="news-empty">
          {coin ? `No stored news mentions ${coin} yet.` : "The feeds have no items yet."}
        </p>
      )}
      <ol className={styles.list} aria-label="News items">
        {news.map((n) => (
          <li key={n.id} className={styles.item}>
            <h2 className={styles.title}>
              <a href={n.link} target="_blank" rel="noopener noreferrer nofollow">
                {n.title}
              </a>
            </h2>
            <p className={styles.meta}>
              {n.source} · <time dateTime={n.published_at}>{dateFmt.format(new Date(n.published_at))} UTC</time>
              {n.coins.length > 0 && (
                <span className={styles.coins} aria-label="Coins mentioned">
                  {n.coins.map((c) => (
                    <span key={c} className={styles.coin}>
                      {c}
                    </span>
                  ))}
                </span>
              )}
            </p>
            {n.summary && <p className={styles.summary}>{n.summary}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

// What we honestly know about the feeds, in one sentence.
function FeedNotice({ feeds, empty }: { feeds: FeedStatus; empty: boolean }) {
  let text: string | null = null;
  if (feeds.configured === 0) text = "News is turned off on this server: no news feeds are configured.";
  else if (feeds.polled === 0 && empty) text = "The news feeds have not been checked yet. Come back in a minute.";
  else if (feeds.reachable === 0) {
    text = empty
      ? "No news feed could be reached, so there is no news to show."
      : `No news feed can be reached right now; these are the stored items${feeds.last_ok_at ? `, last updated ${dateFmt.format(new Date(feeds.last_ok_at))} UTC` : ""}.`;
  } else if (feeds.reachable < feeds.configured) text = `${feeds.configured - feeds.reachable} of ${feeds.configured} news feeds could not be reached on the last check.`;
  if (!text) return null;
  return (
    <p className={styles.notice} role="status" data-testid="news-status">
      {text}
    </p>
  );
}
