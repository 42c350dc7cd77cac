// Turns feed XML (RSS 0.9/1.0/2.0 or Atom) into plain entries with rss-parser, the maintained parser.
// Nothing here trusts the feed: every field is coerced to a string or dropped, HTML is left for the sanitiser.
import Parser from "rss-parser";

export interface FeedEntry {
  guid?: string;
  link?: string;
  title?: string;
  /** the date as the feed wrote it; validated later */
  date?: string;
  /** untrusted HTML or text (description, summary or content) */
  html?: string;
}

export interface ParsedFeed {
  title?: string;
  link?: string;
  entries: FeedEntry[];
}

type RawItem = Record<string, unknown>;

/** Parse feed XML; throws on malformed XML or a document that is neither RSS nor Atom. */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  // A fresh parser per document: xml2js parsers keep state and must not be shared by concurrent parses.
  const parser = new Parser<Record<string, unknown>, RawItem>({ customFields: { item: ["id", "summary", "updated", "published"] } });
  const feed = await parser.parseString(xml);
  const items: unknown[] = Array.isArray(feed.items) ? feed.items : [];
  return {
    title: text(feed.title),
    link: text(feed.link),
    entries: items.filter((i): i is RawItem => typeof i === "object" && i !== null).map(toEntry),
  };
}

function toEntry(item: RawItem): FeedEntry {
  return {
    guid: text(item.guid) ?? text(item.id),
    link: text(item.link),
    title: text(item.title),
    date: text(item.isoDate) ?? text(item.pubDate) ?? text(item.published) ?? text(item.updated),
    html: text(item.summary) ?? text(item.content) ?? text(item.contentSnippet),
  };
}

// xml2js hands back objects for elements with attributes ({_: text, $: attrs}) and arrays for repeats.
function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object" && "_" in value) return text(value._);
  return undefined;
}
