// /learn/{slug} – one article with its table of contents, rendered on the server from Markdown already
// sanitised by lib/learn; readable signed out. Signed in, a button marks it read.
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { findArticle, loadArticles } from "@/lib/learn/load-articles";
import { getLearnProgress } from "@/lib/learn/get-learn-progress";
import { CompleteButton } from "./complete-button";
import styles from "../learn.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = findArticle((await params).slug);
  return { title: article ? article.title : "Learn" };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = findArticle(slug);
  if (!article) notFound();
  const user = await currentUser();
  const progress = user ? await getLearnProgress({ userId: user.id }) : null;
  const completed = progress?.articles.find((a) => a.slug === article.slug)?.completed ?? false;
  const all = loadArticles();
  const at = all.findIndex((a) => a.slug === article.slug);
  const prev = all[at - 1];
  const next = all[at + 1];

  return (
    <div className={styles.articleLayout}>
      <nav aria-label="On this page" className={styles.toc}>
        <p className={styles.tocTitle}>On this page</p>
        <ol>
          {article.toc.map((t) => (
            <li key={t.id} className={t.depth === 3 ? styles.tocSub : undefined}>
              <a href={`#${t.id}`}>{t.text}</a>
            </li>
          ))}
        </ol>
      </nav>
      <article className={styles.article}>
        <p className={styles.crumbs}>
          <Link href="/learn">Learn</Link> · {at + 1} of {all.length}
        </p>
        <h1>{article.title}</h1>
        {/* Rendered from our own Markdown and passed through sanitize-html's allow-list in lib/learn. */}
        <div className={styles.prose} dangerouslySetInnerHTML={{ __html: article.html }} />
        <div className={styles.footer}>
          {user ? (
            <CompleteButton slug={article.slug} completed={completed} />
          ) : (
            <p data-testid="article-sign-in">
              <Link href={`/login?callbackUrl=${encodeURIComponent(`/learn/${article.slug}`)}`} className={styles.button}>
                Sign in to mark as read
              </Link>{" "}
              and keep track of your progress.
            </p>
          )}
          <nav aria-label="More articles" className={styles.pager}>
            {prev && <Link href={`/learn/${prev.slug}`}>← {prev.title}</Link>}
            {next && <Link href={`/learn/${next.slug}`}>{next.title} →</Link>}
          </nav>
        </div>
      </article>
    </div>
  );
}
