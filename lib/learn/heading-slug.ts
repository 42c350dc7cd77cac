// Heading text -> a URL fragment ("Stop orders: SL vs TP" -> "stop-orders-sl-vs-tp"), unique per document,
// so the table of contents, the support assistant's links and deep links from other pages agree.

/** A slugger for one document: the same text twice gets "-2", "-3", … */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base =
      text
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/&[a-z]+;|&#\d+;/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "section";
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}
