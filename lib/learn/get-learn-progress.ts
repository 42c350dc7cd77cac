// GET /api/learn – the articles with the signed-in user's progress (which are read, and when).
import { prisma } from "@/lib/db";
import { listArticles, type ArticleSummary } from "./list-articles";

export interface LearnProgress {
  articles: (ArticleSummary & { completed: boolean; completed_at: string | null })[];
  completed: number;
  total: number;
}

/** The article list with completion marks for `userId`. */
export async function getLearnProgress({ userId }: { userId: string }): Promise<LearnProgress> {
  const done = await prisma.learnProgress.findMany({ where: { userId }, select: { slug: true, completedAt: true } });
  const at = new Map(done.map((d) => [d.slug, d.completedAt]));
  const articles = listArticles().map((a) => {
    const when = at.get(a.slug);
    return { ...a, completed: when !== undefined, completed_at: when ? when.toISOString() : null };
  });
  return { articles, completed: articles.filter((a) => a.completed).length, total: articles.length };
}
