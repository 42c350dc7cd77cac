// The support assistant's full-text index (MiniSearch: BM25 ranking, typo-tolerant fuzzy and prefix
// matching, and a query API that cannot be broken by punctuation in the question). Built once per process
// from the Learn articles and the FAQ, then kept: a query costs well under a millisecond.
import MiniSearch, { type SearchResult } from "minisearch";
import { knowledgeDocuments, type KnowledgeDocument } from "./knowledge-documents";
import { processTerm, tokenize } from "./search-terms";

export interface Hit {
  doc: KnowledgeDocument;
  score: number;
  /** the distinct question terms this passage matched */
  matchedTerms: string[];
}

let index: { search: MiniSearch<KnowledgeDocument>; byId: Map<string, KnowledgeDocument> } | undefined;

function build() {
  const docs = knowledgeDocuments();
  const search = new MiniSearch<KnowledgeDocument>({
    fields: ["heading", "title", "text"],
    storeFields: [],
    processTerm,
    tokenize,
    searchOptions: {
      boost: { heading: 3, title: 1.5, text: 1 },
      // One typo per 5 letters; short words (sl, tp, fee) must match exactly or as a prefix.
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      prefix: (term) => term.length >= 4,
      combineWith: "OR",
      // Questions are turned into terms by queryTerms() already; running processTerm twice would stem twice.
      processTerm: (term) => term,
    },
  });
  search.addAll(docs);
  return { search, byId: new Map(docs.map((d) => [d.id, d])) };
}

/** Query terms as the index sees them (stop words gone, suffixes trimmed). */
export function queryTerms(question: string): string[] {
  return [...new Set(tokenize(question).map((t) => processTerm(t)).filter((t): t is string => t !== null))];
}

/** The best passages for a question, best first. */
export function searchKnowledge(question: string, limit = 5): Hit[] {
  index ??= build();
  const terms = queryTerms(question);
  if (terms.length === 0) return [];
  const results: SearchResult[] = index.search.search(terms.join(" "));
  const hits: Hit[] = [];
  for (const r of results.slice(0, limit)) {
    const doc = index.byId.get(String(r.id));
    if (doc) hits.push({ doc, score: r.score, matchedTerms: [...new Set(r.queryTerms)] });
  }
  return hits;
}
