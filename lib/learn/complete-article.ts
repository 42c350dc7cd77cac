// POST /api/learn/{slug}/complete – mark an article as read. Idempotent: the first completion time stays.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { findArticle } from "./load-articles";

/** Record that `userId` finished the article `slug`; 404 for an unknown slug. */
export async function completeArticle({ userId, slug }: { userId: string; slug: string }) {
  const article = findArticle(slug);
  if (!article) throw new DomainError("NOT_FOUND", `There is no Learn article "${slug.slice(0, 80)}".`);
  const row = await prisma.learnProgress.upsert({
    where: { userId_slug: { userId, slug: article.slug } },
    create: { userId, slug: article.slug },
    update: {},
    select: { completedAt: true },
  });
  return { slug: article.slug, completed: true, completed_at: row.completedAt.toISOString() };
}
