// The FAQ: content/faq.md, one "## Question" heading per entry with its answer below. Read once per process.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { createSlugger } from "@/lib/learn/heading-slug";
import { markdownToText, renderMarkdown } from "@/lib/learn/render-markdown";

export interface FaqEntry {
  question: string;
  /** fragment id on the Support page, "faq-…" */
  anchor: string;
  /** the answer as plain text (for search and quoting) */
  answer: string;
  /** the answer as sanitised HTML (for the Support page) */
  html: string;
}

let cache: FaqEntry[] | undefined;

/** Every FAQ entry, in file order. */
export function loadFaq(): FaqEntry[] {
  if (cache) return cache;
  // The path written out in full so the build traces only this file.
  const { content } = matter(fs.readFileSync(path.join(process.cwd(), "content", "faq.md"), "utf8"));
  const slug = createSlugger();
  const entries: FaqEntry[] = [];
  for (const block of content.split(/^## /m).slice(1)) {
    const newline = block.indexOf("\n");
    const question = markdownToText(newline === -1 ? block : block.slice(0, newline));
    const body = newline === -1 ? "" : block.slice(newline + 1).trim();
    if (!question || !body) continue;
    entries.push({ question, anchor: `faq-${slug(question)}`, answer: markdownToText(body), html: renderMarkdown(body).html });
  }
  cache = entries;
  return entries;
}
