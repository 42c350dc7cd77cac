// Feed HTML -> plain text. sanitize-html with no allowed tags drops every element (and the content of
// script/style), so what is stored can never carry markup; React escapes it again when it is shown.
import sanitizeHtml from "sanitize-html";

/** Raw feed HTML read per field: far more than any summary needs; keeps the work per item bounded. */
export const RAW_HTML_MAX = 100_000;

/** Untrusted HTML as plain text, whitespace collapsed, cut at `maxLength` characters on a word. */
export function htmlToPlainText(html: string, maxLength: number): string {
  // Block boundaries become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab". Only the tag's opening is
  // matched: a pattern running on to its ">" rescans the rest of the text from every "<p" (quadratic
  // on "<p<p<p…" from a hostile feed).
  const spaced = html.slice(0, RAW_HTML_MAX).replace(/<\/?(?:p|br|div|li|h[1-6]|tr|td|blockquote|section)\b/gi, " $&");
  const stripped = sanitizeHtml(spaced, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ["script", "style", "textarea", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
  });
  // sanitize-html re-escapes these four characters in text; undo exactly that to get plain text back.
  const text = stripped
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** An http(s) URL in canonical form, or undefined for javascript:, data: and anything else. */
export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (url.username || url.password) return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}
