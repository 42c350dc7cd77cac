import { describe, expect, it } from "vitest";
import { parseFeed } from "@/lib/news/parse-feed";
import { normaliseEntry } from "@/lib/news/normalise-entry";
import { sourceName } from "@/lib/news/source-name";
import { atomFeed, rssFeed } from "../support/feed-server";

const NOW = new Date("2026-03-01T12:00:00Z");

async function records(xml: string) {
  const feed = await parseFeed(xml);
  return feed.entries.map((e) => normaliseEntry(e, "Test", NOW));
}

describe("parsing and cleaning feed entries", () => {
  it("reads RSS 2.0 items with guid, link, date and summary", async () => {
    const xml = rssFeed("CoinDesk: Bitcoin, Ethereum, Crypto News", [
      { title: "Bitcoin climbs", link: "https://news.example/a", guid: "guid-a", date: "Sun, 01 Mar 2026 10:00:00 +0000", descriptionXml: "<![CDATA[<p>BTC <b>up</b> 5%</p>]]>" },
    ]);
    const feed = await parseFeed(xml);
    expect(sourceName(feed.title, "https://news.example/rss")).toBe("CoinDesk");
    const [r] = await records(xml);
    expect(r).toEqual({
      ok: true,
      record: {
        key: "guid-a",
        title: "Bitcoin climbs",
        link: "https://news.example/a",
        source: "Test",
        publishedAt: new Date("2026-03-01T10:00:00Z"),
        summary: "BTC up 5%",
        coins: ["BTC"],
        dateReplaced: false,
      },
    });
  });

  it("reads Atom entries (id as key, alternate link, html summary)", async () => {
    const xml = atomFeed("Decrypt - Article Feed", [
      { title: "Ethereum upgrade ships", link: "https://news.example/e", guid: "urn:uuid:1", date: "2026-02-28T08:00:00Z", descriptionXml: "&lt;p&gt;Ether holders cheer&lt;/p&gt;" },
    ]);
    const feed = await parseFeed(xml);
    expect(sourceName(feed.title, "https://x")).toBe("Decrypt");
    const [r] = await records(xml);
    expect(r?.ok && r.record).toMatchObject({ key: "urn:uuid:1", link: "https://news.example/e", summary: "Ether holders cheer", coins: ["ETH"] });
    expect(r?.ok && r.record.publishedAt.toISOString()).toBe("2026-02-28T08:00:00.000Z");
  });

  it("uses the link as key when there is no guid", async () => {
    const [r] = await records(rssFeed("T", [{ title: "No guid", link: "https://news.example/n" }]));
    expect(r?.ok && r.record.key).toBe("https://news.example/n");
  });

  it("strips scripts, event handlers and markup from titles and summaries", async () => {
    const xml = rssFeed("T", [
      {
        title: "XRP <script>alert(1)</script>rallies",
        link: "https://news.example/h",
        descriptionXml:
          "<![CDATA[<img src=x onerror=alert(1)><script>document.cookie</script><a href=\"javascript:alert(1)\">click</a> <iframe src=//evil></iframe>Litecoin & friends <style>body{}</style>]]>",
      },
    ]);
    const [r] = await records(xml);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.record.title).toBe("XRP rallies");
    expect(r.record.summary).toBe("click Litecoin & friends");
    for (const bad of ["<", "script", "onerror", "javascript:", "iframe", "cookie"]) expect(r.record.summary).not.toContain(bad);
    expect(r.record.coins).toEqual(["LTC", "XRP"]);
  });

  it("drops entries without a title or without an http(s) link", async () => {
    const rs = await records(
      rssFeed("T", [
        { title: "", link: "https://news.example/1" },
        { title: "js link", link: "javascript:alert(1)" },
        { title: "data link", link: "data:text/html,<script>alert(1)</script>" },
        { title: "no link" },
      ]),
    );
    expect(rs.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["no title", "no http(s) link", "no http(s) link", "no http(s) link"]);
  });

  it("replaces missing, unreadable, ancient and future dates by the fetch time, and never lets a date lie ahead", async () => {
    const rs = await records(
      rssFeed("T", [
        { title: "a", link: "https://n.example/a", date: "yesterday-ish" },
        { title: "b", link: "https://n.example/b" },
        { title: "c", link: "https://n.example/c", date: "Fri, 01 Jan 2100 00:00:00 +0000" },
        { title: "d", link: "https://n.example/d", date: "Thu, 01 Jan 1970 00:00:00 +0000" },
        { title: "e", link: "https://n.example/e", date: "Sun, 01 Mar 2026 12:05:00 +0000" },
      ]),
    );
    for (const r of rs.slice(0, 4)) expect(r.ok && [r.record.publishedAt.getTime(), r.record.dateReplaced]).toEqual([NOW.getTime(), true]);
    // five minutes ahead is clock skew: accepted but capped at the fetch time
    expect(rs[4]?.ok && [rs[4].record.publishedAt.getTime(), rs[4].record.dateReplaced]).toEqual([NOW.getTime(), false]);
  });

  it("caps very long titles and summaries", async () => {
    const [r] = await records(rssFeed("T", [{ title: "Bitcoin ".repeat(200), link: "https://n.example/l", descriptionXml: "word ".repeat(2000) }]));
    expect(r?.ok && r.record.title.length).toBeLessThanOrEqual(300);
    expect(r?.ok && r.record.summary.length).toBeLessThanOrEqual(600);
  });

  it.each([
    ["truncated XML", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x'],
    ["HTML instead of a feed", "<!doctype html><html><body><p>Not a feed</p></body></html>"],
    ["plain text", "Service unavailable"],
    ["entity expansion (billion laughs)", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>'],
    ["an empty document", ""],
  ])("rejects %s", async (_name, xml) => {
    await expect(parseFeed(xml)).rejects.toThrow();
  });
});
