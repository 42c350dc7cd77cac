// /learn – the articles in reading order, with the signed-in user's progress.
import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { getLearnProgress } from "@/lib/learn/get-learn-progress";
import styles from "./learn.module.css";

export const metadata: Metadata = { title: "Learn" };
export const dynamic = "force-dynamic";

export default async function LearnPage() {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=/learn");
  const { articles, completed, total } = await getLearnProgress({ userId: user.id });
  return (
    <div className={styles.page}>
      <h1>Learn</h1>
      <p className={styles.lead}>
        Short articles on crypto, charts, orders, fees, the prediction and your account. Read them in order or jump to what you need; the{" "}
        <Link href="/support">support assistant</Link> answers from them too.
      </p>
      <div className={styles.progress}>
        <span data-testid="learn-progress">
          {completed} of {total} read
        </span>
        <progress value={completed} max={total} aria-label="Articles read" />
      </div>
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
