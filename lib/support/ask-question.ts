// POST /api/support/ask – answer a question from the Learn articles and the FAQ by full-text retrieval.
// The answer is made only of quoted sentences from the passages found, with links to them; when the best
// passage is weak (low score, or it misses most of the question's words) the assistant says it is not
// sure and offers a ticket instead of guessing.
import { queryTerms, searchKnowledge, type Hit } from "./search-index";

/**
 * The best passage's BM25 score per question word must reach this: below it the match is a coincidence of
 * common words. Calibrated on support-retrieval.test.ts (answerable questions scored 6.7 and up, off-topic
 * ones that matched enough words 3.9 at most).
 */
export const MIN_SCORE_PER_TERM = 5;
/** The best passage must contain at least this share of the question's words. */
export const MIN_COVERAGE = 0.5;
const MAX_PASSAGES = 2;
const MAX_SENTENCES = 3;

export interface Source {
  title: string;
  url: string;
}

export interface Answer {
  answer: string;
  sources: Source[];
  confident: boolean;
  /** the quoted passages, with where they come from */
  passages: (Source & { text: string })[];
  /** true when the user should be offered a support ticket */
  offer_ticket: boolean;
  /** weaker matches worth a look when not confident */
  related: Source[];
}

/** Answer one question (already validated: non-empty plain text). */
export function askQuestion({ question }: { question: string }): Answer {
  const terms = queryTerms(question);
  const hits = searchKnowledge(question, 5);
  const best = hits[0];
  const perTerm = best ? best.score / Math.max(1, terms.length) : 0;
  const confident = !!best && perTerm >= MIN_SCORE_PER_TERM && best.matchedTerms.length / Math.max(1, terms.length) >= MIN_COVERAGE;
  if (!best || !confident) {
    return {
      answer:
        terms.length === 0
          ? "Could you ask with a few more words? For example: “What is a stop-loss order?”"
          : "I could not find a good answer to that in the Learn articles or the FAQ. You can send a support ticket below and a person will answer by mail.",
      sources: [],
      confident: false,
      passages: [],
      offer_ticket: terms.length > 0,
      related: hits.slice(0, 3).map(toSource),
    };
  }
  const used = [best, ...hits.slice(1).filter((h) => h.score >= best.score * 0.75 && h.doc.url !== best.doc.url)].slice(0, MAX_PASSAGES);
  const passages = used.map((h) => ({ ...toSource(h), text: quote(h.doc.text, terms) }));
  return {
    answer: passages.map((p) => p.text).join("\n\n"),
    sources: passages.map(toSource),
    confident: true,
    passages,
    offer_ticket: false,
    related: [],
  };
}

function toSource(h: Hit | Source): Source {
  return "doc" in h ? { title: h.doc.title, url: h.doc.url } : { title: h.title, url: h.url };
}

// The sentences of a passage that carry the question's words, in their original order; a short passage
// is quoted whole.
function quote(text: string, terms: string[]): string {
  if (text.length <= 420) return text;
  const sentences = text.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
  const scored = sentences.map((s, i) => {
    const lower = s.toLowerCase();
    return { s, i, score: terms.filter((t) => lower.includes(t)).length };
  });
  const picked = [...scored]
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, MAX_SENTENCES)
    .filter((x, k) => k === 0 || x.score > 0)
    .sort((a, b) => a.i - b.i);
  return picked.map((x) => x.s).join(" ");
}
