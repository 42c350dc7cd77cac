import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFeed, FeedFetchError } from "@/lib/news/fetch-feed";
import { configuredFeedUrls } from "@/lib/news/feed-urls";
import { addressPolicy } from "@/lib/net/public-address";
import { rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";

let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(() => feeds.close());

// The feed server is on loopback: these tests allow private addresses, as NEWS_ALLOW_PRIVATE=true does.
const local = addressPolicy("true");

describe("fetchFeed", () => {
  it("sends the stored validators and reports 304 as not modified", async () => {
    const body = rssFeed("T", [{ title: "one", link: "https://n.example/1" }]);
    feeds.serve("/cond.xml", { body, etag: '"v1"', lastModified: "Sun, 01 Mar 2026 10:00:00 GMT" });
    const first = await fetchFeed({ url: feeds.url("/cond.xml"), policy: local });
    expect(first).toMatchObject({ status: "ok", xml: body, etag: '"v1"', lastModified: "Sun, 01 Mar 2026 10:00:00 GMT" });
    if (first.status !== "ok") return;
    const second = await fetchFeed({ url: feeds.url("/cond.xml"), etag: first.etag, lastModified: first.lastModified, policy: local });
    expect(second).toEqual({ status: "not-modified" });
    expect(feeds.requests("/cond.xml")[1]).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: "Sun, 01 Mar 2026 10:00:00 GMT", status: 304 });
  });

  it("fails on HTTP errors", async () => {
    feeds.serve("/down.xml", { status: 503, body: "busy" });
    await expect(fetchFeed({ url: feeds.url("/down.xml"), policy: local })).rejects.toThrow("HTTP 503");
    await expect(fetchFeed({ url: feeds.url("/missing.xml"), policy: local })).rejects.toThrow("HTTP 404");
  });

  it("refuses a body above the size cap, declared or streamed", async () => {
    feeds.serve("/big.xml", { body: "x".repeat(300_000) });
    await expect(fetchFeed({ url: feeds.url("/big.xml"), maxBytes: 100_000, policy: local })).rejects.toThrow(/too large/);
    feeds.serve("/endless.xml", { streamBytes: 50_000_000 });
    const started = Date.now();
    await expect(fetchFeed({ url: feeds.url("/endless.xml"), maxBytes: 1_000_000, policy: local })).rejects.toBeInstanceOf(FeedFetchError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("gives up on a feed that does not answer in time", async () => {
    feeds.serve("/slow.xml", { body: "<rss/>", delayMs: 3000 });
    await expect(fetchFeed({ url: feeds.url("/slow.xml"), timeoutMs: 300, policy: local })).rejects.toThrow("timed out");
  });

  it("fails cleanly when nothing listens", async () => {
    await expect(fetchFeed({ url: "http://127.0.0.1:9/feed", timeoutMs: 2000, policy: local })).rejects.toBeInstanceOf(FeedFetchError);
  });

  it("decodes the charset from the header, else from the XML declaration", async () => {
    feeds.serve("/header.xml", { body: Buffer.from("<t>caf\u00e9</t>", "latin1"), contentType: "application/rss+xml; charset=ISO-8859-1" });
    const byHeader = await fetchFeed({ url: feeds.url("/header.xml"), policy: local });
    expect(byHeader.status === "ok" && byHeader.xml).toBe("<t>caf\u00e9</t>");
    const declared = '<?xml version="1.0" encoding="ISO-8859-1"?><t>caf\u00e9</t>';
    feeds.serve("/decl.xml", { body: Buffer.from(declared, "latin1"), contentType: "application/xml" });
    const byDecl = await fetchFeed({ url: feeds.url("/decl.xml"), policy: local });
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

describe("fetchFeed address checks", () => {
  // Two loopback servers: 127.0.0.2 plays a public publisher (the policy below allows it), 127.0.0.1 the
  // private target a redirect points at.
  let publisher: FeedServer;
  const publisherOnly = addressPolicy("127.0.0.2");
  beforeAll(async () => {
    publisher = await startFeedServer("127.0.0.2");
  });
  afterAll(() => publisher.close());

  it("refuses a feed on a loopback address by default and never connects", async () => {
    feeds.serve("/private.xml", { body: rssFeed("Internal", [{ title: "secret", link: "https://n.example/s" }]) });
    await expect(fetchFeed({ url: feeds.url("/private.xml") })).rejects.toThrow(/refused: 127\.0\.0\.1 is a private, loopback or link-local address/);
    await expect(fetchFeed({ url: feeds.url("/private.xml").replace("127.0.0.1", "localhost") })).rejects.toThrow(/refused: localhost/);
    await expect(fetchFeed({ url: feeds.url("/private.xml").replace("127.0.0.1", "[::ffff:127.0.0.1]") })).rejects.toThrow(/refused/);
    expect(feeds.requests("/private.xml")).toHaveLength(0);
  });

  it("checks every redirect hop: an allowed publisher redirecting to loopback is refused", async () => {
    feeds.serve("/target.xml", { body: rssFeed("Internal", [{ title: "secret", link: "https://n.example/s" }]) });
    publisher.serve("/feed.xml", { redirectTo: feeds.url("/target.xml") });
    publisher.serve("/by-name.xml", { redirectTo: feeds.url("/target.xml").replace("127.0.0.1", "localhost"), status: 301 });
    await expect(fetchFeed({ url: publisher.url("/feed.xml"), policy: publisherOnly })).rejects.toThrow(/refused: 127\.0\.0\.1/);
    await expect(fetchFeed({ url: publisher.url("/by-name.xml"), policy: publisherOnly })).rejects.toThrow(/refused: localhost/);
    expect(publisher.requests("/feed.xml")).toHaveLength(1);
    expect(feeds.requests("/target.xml")).toHaveLength(0);
  });

  it("follows allowed redirects, relative ones too, up to a limit", async () => {
    const body = rssFeed("Moved", [{ title: "here", link: "https://n.example/h" }]);
    publisher.serve("/new.xml", { body });
    publisher.serve("/old.xml", { redirectTo: "/new.xml", status: 301 });
    await expect(fetchFeed({ url: publisher.url("/old.xml"), policy: publisherOnly })).resolves.toMatchObject({ status: "ok", xml: body });
    publisher.serve("/loop.xml", { redirectTo: "/loop.xml" });
    await expect(fetchFeed({ url: publisher.url("/loop.xml"), policy: publisherOnly })).rejects.toThrow(/too many redirects/);
    expect(publisher.requests("/loop.xml")).toHaveLength(6);
    publisher.serve("/elsewhere.xml", { redirectTo: "file:///etc/passwd" });
    await expect(fetchFeed({ url: publisher.url("/elsewhere.xml"), policy: publisherOnly })).rejects.toThrow(/refused: file: is not http/);
  });
});
