// The Learn articles: content/learn/*.md with front matter (title, slug, order, summary), read once per
// process and kept, rendered to sanitised HTML with a table of contents. A malformed file stops the load
// with a message naming it, so a bad edit fails the build and the tests rather than a reader.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { renderMarkdown, type TocEntry } from "./render-markdown";

export interface Article {
  slug: string;
  title: string;
  order: number;
  summary: string;
  /** the Markdown body, without front matter */
  markdown: string;
  html: string;
  toc: TocEntry[];
}

const frontMatter = z.object({
  title: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens"),
  order: z.number().int(),
  summary: z.string().min(1),
});

let cache: Article[] | undefined;

/** Every article, in reading order. */
export function loadArticles(): Article[] {
  if (cache) return cache;
  // Paths written out in full (not through a variable) so the build traces only content/learn.
  const files = fs
    .readdirSync(path.join(process.cwd(), "content", "learn"))
    .filter((f) => f.endsWith(".md"))
    .sort();
  const articles = files.map((file) => {
    const { data, content } = matter(fs.readFileSync(path.join(process.cwd(), "content", "learn", file), "utf8"));
    const meta = frontMatter.safeParse(data);
    if (!meta.success) {
      throw new Error(`content/learn/${file}: bad front matter: ${meta.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    }
    // The body's own h1 would repeat the title the page already shows.
    const markdown = content.replace(/^\s*#\s+[^\n]*\n/, "");
    return { ...meta.data, markdown, ...renderMarkdown(markdown) };
  });
  const slugs = new Set<string>();
  for (const a of articles) {
    if (slugs.has(a.slug)) throw new Error(`content/learn: two articles have the slug "${a.slug}"`);
    slugs.add(a.slug);
  }
  articles.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  cache = articles;
  return articles;
}

/** One article by slug, or undefined. */
export function findArticle(slug: string): Article | undefined {
  return loadArticles().find((a) => a.slug === slug);
}
