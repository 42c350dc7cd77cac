"use client";
// "Mark as read": POST /api/learn/{slug}/complete with the session cookie, then re-render the page.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, ApiError } from "@/components/data/api-fetch";
import styles from "../learn.module.css";

/** The read marker of one article. */
export function CompleteButton({ slug, completed }: { slug: string; completed: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (completed) {
    return (
      <p className={styles.done} data-testid="article-read">
        ✓ You have read this article.
      </p>
    );
  }
  const complete = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/learn/${encodeURIComponent(slug)}/complete`, { method: "POST" });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not save your progress. Please try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" className={styles.button} onClick={complete} disabled={busy}>
        {busy ? "Saving…" : "Mark as read"}
      </button>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
