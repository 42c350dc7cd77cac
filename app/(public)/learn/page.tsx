// /learn – the articles in reading order, for anyone; with the reader's progress when signed in.
import Link from "next/link";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/current-user";
import { getLearnProgress } from "@/lib/learn/get-learn-progress";
import { listArticles } from "@/lib/learn/list-articles";
import styles from "./learn.module.css";

export const metadata: Metadata = { title: "Learn" };
export const dynamic = "force-dynamic";

export default async function LearnPage() {
  const user = await currentUser();
  const progress = user ? await getLearnProgress({ userId: user.id }) : null;
  const articles = progress?.articles ?? listArticles().map((a) => ({ ...a, completed: false }));
  return (
    <div className={styles.page}>
      <h1>Learn</h1>
      <p className={styles.lead}>
        Short articles on crypto, charts, orders, fees, the prediction and your account. Read them in order or jump to what you need; the{" "}
        <Link href="/support">support assistant</Link> answers from them too.
      </p>
      {progress ? (
        <div className={styles.progress}>
          <span data-testid="learn-progress">
            {progress.completed} of {progress.total} read
          </span>
          <progress value={progress.completed} max={progress.total} aria-label="Articles read" />
        </div>
      ) : (
        <p className={styles.progress} data-testid="learn-progress">
          <Link href="/login?callbackUrl=/learn">Sign in</Link> or <Link href="/register">create an account</Link> to keep track of what you have read.
        </p>
      )}
      <ol className={styles.index}>
        {articles.map((a) => (
          <li key={a.slug} className={styles.card}>
            <h2>
              <Link href={a.url}>{a.title}</Link>
              {a.completed && (
                <span className={styles.done} aria-label="read">
                  ✓ read
                </span>
              )}
            </h2>
            <p>{a.summary}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
