// An article cut at its h2/h3 headings into passages, each with the anchor it lives under: the support
// assistant searches and quotes these, and links straight to the section.
import { createSlugger } from "./heading-slug";
import { markdownToText } from "./render-markdown";

export interface Section {
  /** the heading text ("" for the introduction before the first heading) */
  heading: string;
  /** the heading's id in the rendered article ("" for the introduction) */
  anchor: string;
  /** the passage as plain text */
  text: string;
}

/** Split Markdown into sections; anchors match renderMarkdown's heading ids. */
export function articleSections(markdown: string): Section[] {
  const slug = createSlugger();
  const sections: Section[] = [];
  let current: { heading: string; anchor: string; lines: string[] } = { heading: "", anchor: "", lines: [] };
  let inFence = false;
  const flush = () => {
    const text = markdownToText(current.lines.join("\n"));
    if (text) sections.push({ heading: current.heading, anchor: current.anchor, text });
  };
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      // Every heading takes an id (as in renderMarkdown) so the numbering of repeated titles agrees.
      const heading = markdownToText(h[2] ?? "");
      const anchor = slug(heading);
      if ((h[1]?.length ?? 0) <= 3) {
        flush();
        current = { heading, anchor, lines: [] };
        continue;
      }
    }
    current.lines.push(line);
  }
  flush();
  return sections;
}
