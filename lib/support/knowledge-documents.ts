// What the support assistant can quote: every Learn article section and every FAQ entry, each with a
// title a person understands and a URL that opens the exact passage.
import { loadArticles } from "@/lib/learn/load-articles";
import { articleSections } from "@/lib/learn/article-sections";
import { loadFaq } from "./load-faq";

export interface KnowledgeDocument {
  id: string;
  kind: "article" | "faq";
  /** "Orders: … › Stop orders: SL and TP" or the FAQ question */
  title: string;
  /** the section heading or the question: searched with a boost */
  heading: string;
  text: string;
  url: string;
}

/** All passages, articles first, in reading order. */
export function knowledgeDocuments(): KnowledgeDocument[] {
  const docs: KnowledgeDocument[] = [];
  for (const article of loadArticles()) {
    articleSections(article.markdown).forEach((s, i) => {
      docs.push({
        id: `learn:${article.slug}:${i}`,
        kind: "article",
        title: s.heading ? `${article.title} › ${s.heading}` : article.title,
        heading: `${s.heading} ${article.title}`,
        text: s.text,
        url: s.anchor ? `/learn/${article.slug}#${s.anchor}` : `/learn/${article.slug}`,
      });
    });
  }
  for (const entry of loadFaq()) {
    docs.push({ id: `faq:${entry.anchor}`, kind: "faq", title: entry.question, heading: entry.question, text: entry.answer, url: `/support#${entry.anchor}` });
  }
  return docs;
}
