// The "Connect a bot" guide: content/connect-a-bot.md with this server's own origins written into its
// snippets ({{ORIGIN}} for REST, {{WS_ORIGIN}} for the user data stream), rendered once per origin.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { renderMarkdown, type RenderedMarkdown } from "./render-markdown";

let cache: { origin: string; guide: RenderedMarkdown & { title: string } } | undefined;

/** `origin`: the public URL bots reach this server at (APP_URL), e.g. https://paper.example.com */
export function loadBotGuide(origin: string): RenderedMarkdown & { title: string } {
  if (cache?.origin === origin) return cache.guide;
  // The path written out in full so the build traces only this file.
  const { data, content } = matter(fs.readFileSync(path.join(process.cwd(), "content", "connect-a-bot.md"), "utf8"));
  const base = new URL(origin).origin;
  const ws = base.replace(/^http/, "ws");
  const guide = { title: typeof data.title === "string" ? data.title : "Connect a bot", ...renderMarkdown(content.replaceAll("{{WS_ORIGIN}}", ws).replaceAll("{{ORIGIN}}", base)) };
  cache = { origin, guide };
  return guide;
}
