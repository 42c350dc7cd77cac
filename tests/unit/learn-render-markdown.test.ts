import { describe, expect, it } from "vitest";
import { renderMarkdown, markdownToText } from "@/lib/learn/render-markdown";
import { articleSections } from "@/lib/learn/article-sections";

describe("renderMarkdown", () => {
  it("gives headings unique ids and lists h2/h3 in the table of contents", () => {
    const { html, toc } = renderMarkdown("## Stop orders: SL *and* TP\n\ntext\n\n### Fees & costs\n\n#### Deep\n\n## Stop orders: SL *and* TP\n");
    expect(toc).toEqual([
      { id: "stop-orders-sl-and-tp", text: "Stop orders: SL and TP", depth: 2 },
      { id: "fees-costs", text: "Fees & costs", depth: 3 },
      { id: "stop-orders-sl-and-tp-2", text: "Stop orders: SL and TP", depth: 2 },
    ]);
    expect(html).toContain('<h2 id="stop-orders-sl-and-tp">Stop orders: SL <em>and</em> TP</h2>');
    expect(html).toContain('<h4 id="deep">Deep</h4>');
  });

  it("drops scripts, event handlers and javascript: links", () => {
    const { html } = renderMarkdown('Hi <script>alert(1)</script><img src=x onerror="alert(1)"> [a](javascript:alert(1)) [b](/learn/fees) <a href="https://x.example" onclick="x()">c</a>');
    expect(html).not.toMatch(/script|onerror|onclick|javascript|<img/i);
    expect(html).toContain('<a href="/learn/fees">b</a>');
    expect(html).toContain('<a href="https://x.example">c</a>');
  });

  it("renders tables and code", () => {
    const { html } = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n`x < y`");
    expect(html).toContain("<table>");
    expect(html).toContain("<code>x &lt; y</code>");
  });
});

describe("markdownToText and articleSections", () => {
  it("turn Markdown into plain text passages under their headings", () => {
    expect(markdownToText("**Bold** and [link](/x) & `code`")).toBe("Bold and link & code");
    const sections = articleSections("Intro text.\n\n## First\n\nOne.\n\n```\n## not a heading\n```\n\n### Second\n\nTwo.\n\n#### Minor\n\nStill two.");
    expect(sections.map((s) => [s.heading, s.anchor])).toEqual([
      ["", ""],
      ["First", "first"],
      ["Second", "second"],
    ]);
    expect(sections[1]?.text).toContain("## not a heading");
    expect(sections[2]?.text).toBe("Two. Minor Still two.");
  });
});
