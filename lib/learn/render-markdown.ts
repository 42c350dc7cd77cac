// Markdown -> sanitised HTML plus a table of contents. Headings get stable ids (see heading-slug.ts).
// The articles are ours, but the HTML still goes through an allow-list: a bad edit must not ship a script.
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { createSlugger } from "./heading-slug";

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

export interface RenderedMarkdown {
  html: string;
  toc: TocEntry[];
}

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ["h1", "h2", "h3", "h4", "p", "a", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr", "br",
    "table", "thead", "tbody", "tr", "th", "td", "del", "sup", "sub"],
  allowedAttributes: { a: ["href", "title"], h1: ["id"], h2: ["id"], h3: ["id"], h4: ["id"], th: ["align"], td: ["align"], code: ["class"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
};

/** Render an article; `toc` lists its h2 and h3 headings in order. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const slug = createSlugger();
  const toc: TocEntry[] = [];
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const plain = decodeBasicEntities(this.parser.parseInline(tokens, this.parser.textRenderer));
        const id = slug(plain);
        if (depth === 2 || depth === 3) toc.push({ id, text: plain, depth });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
    },
  });
  const raw = marked.parse(markdown, { async: false });
  return { html: sanitizeHtml(raw, ALLOWED), toc };
}

/** Markdown -> plain text (for search and summaries): rendered, then every tag dropped. */
export function markdownToText(markdown: string): string {
  const html = new Marked({ gfm: true }).parse(markdown, { async: false });
  const spaced = html.replace(/<\/(p|li|h\d|tr|td|th|pre|blockquote)>/g, "$& ");
  return decodeBasicEntities(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })).replace(/\s+/g, " ").trim();
}

// marked and sanitize-html escape these in text; plain text wants them back.
function decodeBasicEntities(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
