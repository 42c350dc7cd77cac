import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFeed, FeedFetchError } from "@/lib/news/fetch-feed";
import { configuredFeedUrls } from "@/lib/news/feed-urls";
import { rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";

let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(() => feeds.close());

describe("fetchFeed", () => {
  it("sends the stored validators and reports 304 as not modified", async () => {
    const body = rssFeed("T", [{ title: "one", link: "https://n.example/1" }]);
    feeds.serve("/cond.xml", { body, etag: '"v1"', lastModified: "Sun, 01 Mar 2026 10:00:00 GMT" });
    const first = await fetchFeed({ url: feeds.url("/cond.xml") });
    expect(first).toMatchObject({ status: "ok", xml: body, etag: '"v1"', lastModified: "Sun, 01 Mar 2026 10:00:00 GMT" });
    if (first.status !== "ok") return;
    const second = await fetchFeed({ url: feeds.url("/cond.xml"), etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ status: "not-modified" });
    expect(feeds.requests("/cond.xml")[1]).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: "Sun, 01 Mar 2026 10:00:00 GMT", status: 304 });
  });

  it("fails on HTTP errors", async () => {
    feeds.serve("/down.xml", { status: 503, body: "busy" });
    await expect(fetchFeed({ url: feeds.url("/down.xml") })).rejects.toThrow("HTTP 503");
    await expect(fetchFeed({ url: feeds.url("/missing.xml") })).rejects.toThrow("HTTP 404");
  });

  it("refuses a body above the size cap, declared or streamed", async () => {
    feeds.serve("/big.xml", { body: "x".repeat(300_000) });
    await expect(fetchFeed({ url: feeds.url("/big.xml"), maxBytes: 100_000 })).rejects.toThrow(/too large/);
    feeds.serve("/endless.xml", { streamBytes: 50_000_000 });
    const started = Date.now();
    await expect(fetchFeed({ url: feeds.url("/endless.xml"), maxBytes: 1_000_000 })).rejects.toBeInstanceOf(FeedFetchError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("gives up on a feed that does not answer in time", async () => {
    feeds.serve("/slow.xml", { body: "<rss/>", delayMs: 3000 });
    await expect(fetchFeed({ url: feeds.url("/slow.xml"), timeoutMs: 300 })).rejects.toThrow("timed out");
  });

  it("fails cleanly when nothing listens", async () => {
    await expect(fetchFeed({ url: "http://127.0.0.1:9/feed", timeoutMs: 2000 })).rejects.toBeInstanceOf(FeedFetchError);
  });

  it("decodes the charset from the header, else from the XML declaration", async () => {
    feeds.serve("/header.xml", { body: Buffer.from("<t>caf\u00e9</t>", "latin1"), contentType: "application/rss+xml; charset=ISO-8859-1" });
    const byHeader = await fetchFeed({ url: feeds.url("/header.xml") });
    expect(byHeader.status === "ok" && byHeader.xml).toBe("<t>caf\u00e9</t>");
    const declared = '<?xml version="1.0" encoding="ISO-8859-1"?><t>caf\u00e9</t>';
    feeds.serve("/decl.xml", { body: Buffer.from(declared, "latin1"), contentType: "application/xml" });
    const byDecl = await fetchFeed({ url: feeds.url("/decl.xml") });
    expect(byDecl.status === "ok" && byDecl.xml).toBe(declared);
  });
});

describe("configuredFeedUrls", () => {
  it("splits NEWS_FEEDS, drops blanks, duplicates and non-http entries", () => {
    expect(configuredFeedUrls(" https://a.example/rss , ,https://a.example/rss,ftp://x/feed,not a url,http://b.example/atom")).toEqual([
      "https://a.example/rss",
      "http://b.example/atom",
    ]);
    expect(configuredFeedUrls("")).toEqual([]);
  });
});
