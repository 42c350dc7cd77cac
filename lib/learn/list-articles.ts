// The Learn index: every article's title, summary and reading order.
import { loadArticles } from "./load-articles";

export interface ArticleSummary {
  slug: string;
  title: string;
  order: number;
  summary: string;
  url: string;
}

/** The articles in reading order, without their bodies. */
export function listArticles(): ArticleSummary[] {
  return loadArticles().map(({ slug, title, order, summary }) => ({ slug, title, order, summary, url: `/learn/${slug}` }));
}
