// How text becomes search terms, the same for passages and questions: lower case, common English words
// dropped, and a light suffix trim so "orders"/"order", "cancelling"/"cancel", "locked"/"lock" meet.
// (Typos are MiniSearch's fuzzy matching's job, not this file's.)

const STOP_WORDS = new Set(
  ("a an and are as at be been but by can could did do does doing for from get got had has have how i if in into is it its " +
    "me my of on or our so than that the their them then there these they this to too was we were what when where which " +
    "who why will with would you your yours about after before just also any some much many more most very only own same " +
    "should shall may might must not no nor up down out over under again further once here both each few other such " +
    "am being having he she him her his hers let us ours want wants wanted need needs please tell explain know " +
    "go goes dont doesnt didnt cant im ive whats hows hi hello thanks thank")
    .split(" "),
);

/** A term for the index or the query, or null to drop it. */
export function processTerm(term: string): string | null {
  const t = term
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/['’]/g, "");
  if (t.length === 0 || STOP_WORDS.has(t)) return null;
  return stem(t);
}

function stem(t: string): string {
  if (t.length > 5 && t.endsWith("ies")) return `${t.slice(0, -3)}y`;
  if (t.length > 6 && t.endsWith("ing")) return undouble(t.slice(0, -3));
  if (t.length > 5 && t.endsWith("ed")) return undouble(t.slice(0, -2));
  if (t.length > 3 && t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us")) return t.slice(0, -1);
  return t;
}

// "cancelling" -> "cancell" -> "cancel"; "stopped" -> "stopp" -> "stop".
function undouble(t: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(t) && !/(ll|ss|zz)$/.test(t.slice(-2)) ? t.slice(0, -1) : t.replace(/ll$/, "l");
}

/**
 * Words of a text: split on spaces and punctuation, keeping apostrophes inside words ("what's"). A
 * hyphenated word also counts joined up, so "crypto-currency" meets "cryptocurrency".
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/[^\p{L}\p{N}'’-]+/u)) {
    const parts = token.split("-").filter(Boolean);
    words.push(...parts);
    if (parts.length > 1) words.push(parts.join(""));
  }
  return words;
}
