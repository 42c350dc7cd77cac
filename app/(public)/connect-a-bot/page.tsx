// /connect-a-bot – how a Binance bot (ccxt in JavaScript or Python, freqtrade) trades here: an API key,
// this server's URLs written into the snippets, and what differs from Binance. Readable signed out.
import Link from "next/link";
import type { Metadata } from "next";
import { env } from "@/lib/env";
import { loadBotGuide } from "@/lib/learn/load-bot-guide";
import styles from "../learn/learn.module.css";

export const metadata: Metadata = { title: "Connect a bot" };
export const dynamic = "force-dynamic";

export default function ConnectABotPage() {
  const guide = loadBotGuide(env.APP_URL);
  return (
    <div className={styles.articleLayout}>
      <nav aria-label="On this page" className={styles.toc}>
        <p className={styles.tocTitle}>On this page</p>
        <ol>
          {guide.toc.map((t) => (
            <li key={t.id} className={t.depth === 3 ? styles.tocSub : undefined}>
              <a href={`#${t.id}`}>{t.text}</a>
            </li>
          ))}
        </ol>
      </nav>
      <article className={styles.article}>
        <p className={styles.crumbs}>
          <Link href="/profile#keys-title">Your API keys</Link> · <Link href="/learn">Learn</Link>
        </p>
        <h1>{guide.title}</h1>
        {/* Rendered from our own Markdown and passed through sanitize-html's allow-list in lib/learn. */}
        <div className={styles.prose} dangerouslySetInnerHTML={{ __html: guide.html }} />
      </article>
    </div>
  );
}
