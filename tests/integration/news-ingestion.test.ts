// News end to end: the real server's poller reads feeds from a local feed server (RSS 2.0, Atom, malformed,
// hostile, huge, missing), and GET /api/news serves what was stored: sanitised, tagged, de-duplicated,
// newest first. The feeds are written here; nothing comes from the internet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, type Api } from "../support/api-client";
import { atomFeed, rssFeed, startFeedServer, type FeedServer, type TestItem } from "../support/feed-server";
import { queryDb } from "../support/db-query";
import { waitFor } from "../support/wait-for";

interface NewsBody {
  news: { id: string; title: string; link: string; source: string; published_at: string; summary: string; coins: string[] }[];
  feeds: { configured: number; reachable: number; polled: number; last_ok_at: string | null };
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const rfc822 = (h: number) => hoursAgo(h).toUTCString();

const RSS_ITEMS: TestItem[] = [
  { title: "Bitcoin breaks above resistance", link: "https://rss.example/btc", guid: "rss-1", date: rfc822(1), descriptionXml: "<![CDATA[<p>BTC <em>rallies</em> on ETF flows.</p>]]>" },
  { title: "Ether gas fees fall to a yearly low", link: "https://rss.example/eth", guid: "rss-2", date: rfc822(3), descriptionXml: "Ethereum activity cools." },
  { title: "Central banks meet this week", link: "https://rss.example/macro", guid: "rss-3", date: rfc822(5), descriptionXml: "Rates in focus." },
];
const ATOM_ITEMS: TestItem[] = [
  { title: "Ripple settlement approved; XRP jumps", link: "https://atom.example/xrp", guid: "urn:atom:1", date: hoursAgo(2).toISOString(), descriptionXml: "&lt;b&gt;XRP&lt;/b&gt; up 10%" },
  // The same story as rss-1 (same link, different id): stored once.
  { title: "Bitcoin breaks above resistance (syndicated)", link: "https://rss.example/btc", guid: "urn:atom:dup", date: hoursAgo(1).toISOString() },
];
const HOSTILE_ITEMS: TestItem[] = [
  {
    title: "Litecoin <script>alert('x')</script>upgrade",
    link: "https://hostile.example/ltc",
    guid: "h-1",
    date: "Fri, 01 Jan 2100 00:00:00 +0000",
    descriptionXml: "<![CDATA[<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">Tether</a> news<script>steal()</script>]]>",
  },
  { title: "Click me", link: "javascript:alert(document.cookie)", guid: "h-2", date: rfc822(1) },
  { title: "Undated BNB story", link: "https://hostile.example/bnb", guid: "h-3", date: "not a date" },
];

let feeds: FeedServer;
let server: TestServer;
let api: Api;

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.serve("/rss.xml", { body: rssFeed("CoinDesk: Bitcoin, Ethereum, Crypto News", RSS_ITEMS), etag: '"rss-v1"' });
  feeds.serve("/atom.xml", { body: atomFeed("Decrypt - Article Feed", ATOM_ITEMS), contentType: "application/atom+xml", lastModified: "Mon, 23 Nov 2026 10:00:00 GMT" });
  feeds.serve("/malformed.xml", { body: '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Bitcoin to the moon</title>' });
  feeds.serve("/hostile.xml", { body: rssFeed("Hostile <b>Feed</b>", HOSTILE_ITEMS) });
  feeds.serve("/huge.xml", { streamBytes: 20_000_000 });
  feeds.serve("/html.xml", { body: "<!doctype html><title>Just a moment...</title>", contentType: "text/html" });
  const urls = ["/rss.xml", "/atom.xml", "/malformed.xml", "/hostile.xml", "/huge.xml", "/html.xml", "/missing.xml"].map((p) => feeds.url(p));
  // The feed server is on loopback, which the fetcher refuses unless the operator allows private addresses.
  server = await startTestServer({ NEWS_FEEDS: urls.join(","), NEWS_POLL_MS: "1500", LOG_LEVEL: "warn", NEWS_ALLOW_PRIVATE: "true" });
  api = apiClient(server.url);
  await waitFor(async () => {
    const r = await api<NewsBody>("GET", "/api/news");
    return r.body.feeds.polled === 7 && r.body.news.length >= 6;
  }, "the first poll of every feed", 30_000);
});

afterAll(async () => {
  await server?.close();
  await feeds?.close();
});

describe("news ingestion", () => {
  it("stores the items of the good feeds, newest first, with source, date and plain-text summary", async () => {
    const r = await api<NewsBody>("GET", "/api/news");
    expect(r.status).toBe(200);
    const titles = r.body.news.map((n) => n.title);
    expect(new Set(titles).size).toBe(titles.length);
    const btc = r.body.news.find((n) => n.link === "https://rss.example/btc");
    expect(btc).toMatchObject({ title: "Bitcoin breaks above resistance", source: "CoinDesk", summary: "BTC rallies on ETF flows.", coins: ["BTC"] });
    expect(Math.abs(Date.parse(btc?.published_at ?? "") - hoursAgo(1).getTime())).toBeLessThan(120_000);
    const xrp = r.body.news.find((n) => n.link === "https://atom.example/xrp");
    expect(xrp).toMatchObject({ source: "Decrypt", summary: "XRP up 10%", coins: ["XRP"] });
    const times = r.body.news.map((n) => Date.parse(n.published_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const n of r.body.news) expect(Object.keys(n).sort()).toEqual(["coins", "id", "link", "published_at", "source", "summary", "title"]);
  });

  it("stores a story seen in two feeds (same link) once", async () => {
    const r = await api<NewsBody>("GET", "/api/news?limit=100");
    expect(r.body.news.filter((n) => n.link === "https://rss.example/btc")).toHaveLength(1);
    const rows = await queryDb<{ n: unknown }>(server.db.url, `SELECT COUNT(*) AS n FROM "NewsItem" WHERE "link" = ?`, ["https://rss.example/btc"]);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("sanitises hostile items: no markup, no javascript: links, no future dates", async () => {
    const r = await api<NewsBody>("GET", "/api/news?limit=100");
    const ltc = r.body.news.find((n) => n.link === "https://hostile.example/ltc");
    expect(ltc).toMatchObject({ title: "Litecoin upgrade", summary: "Tether news", coins: ["LTC", "USDT"], source: "Hostile Feed" });
    expect(Date.parse(ltc?.published_at ?? "")).toBeLessThanOrEqual(Date.now());
    expect(r.body.news.find((n) => n.title === "Undated BNB story")?.coins).toEqual(["BNB"]);
    expect(r.body.news.some((n) => n.title === "Click me")).toBe(false);
    const text = JSON.stringify(r.body.news);
    for (const bad of ["<script", "onerror", "javascript:", "<img", "<b>"]) expect(text).not.toContain(bad);
  });

  it("skips malformed, HTML, huge and missing feeds without losing the others, and records why", async () => {
    const r = await api<NewsBody>("GET", "/api/news?limit=100");
    expect(r.body.news.some((n) => n.title === "Bitcoin to the moon")).toBe(false);
    expect(r.body.feeds).toMatchObject({ configured: 7, polled: 7, reachable: 3 });
    const states = await queryDb<{ url: string; lastError: string | null }>(server.db.url, `SELECT "url", "lastError" FROM "FeedState"`);
    const error = (p: string) => states.find((s) => s.url === feeds.url(p))?.lastError ?? "";
    expect(error("/malformed.xml")).toMatch(/not a readable RSS\/Atom feed/);
    expect(error("/html.xml")).toMatch(/not a readable RSS\/Atom feed/);
    expect(error("/huge.xml")).toMatch(/too large/);
    expect(error("/missing.xml")).toMatch(/HTTP 404/);
    expect(error("/rss.xml")).toBe("");
    expect(server.logs.join("")).toMatch(/news: .*malformed\.xml: skipped/);
  });

  it("polls again with conditional requests and gets 304 for unchanged feeds", async () => {
    await waitFor(async () => feeds.requests("/rss.xml").some((q) => q.status === 304) && feeds.requests("/atom.xml").some((q) => q.status === 304), "a 304", 15_000);
    const again = feeds.requests("/rss.xml").slice(1);
    expect(again.every((q) => q.ifNoneMatch === '"rss-v1"')).toBe(true);
    expect(feeds.requests("/atom.xml").slice(1).every((q) => q.ifModifiedSince === "Mon, 23 Nov 2026 10:00:00 GMT")).toBe(true);
  });

  it("adds new items on a later poll without duplicating the old ones", async () => {
    const fresh: TestItem = { title: "BNB Chain ships an upgrade", link: "https://rss.example/bnb", guid: "rss-4", date: rfc822(0.1) };
    feeds.serve("/rss.xml", { body: rssFeed("CoinDesk: Bitcoin, Ethereum, Crypto News", [fresh, ...RSS_ITEMS]), etag: '"rss-v2"' });
    const r = await waitFor(async () => {
      const res = await api<NewsBody>("GET", "/api/news?limit=100");
      return res.body.news.some((n) => n.link === "https://rss.example/bnb") ? res : undefined;
    }, "the new item", 15_000);
    expect(r.body.news.filter((n) => n.link.startsWith("https://rss.example/"))).toHaveLength(4);
    const rows = await queryDb<{ n: unknown }>(server.db.url, `SELECT COUNT(*) AS n FROM "NewsItem"`);
    expect(Number(rows[0]?.n)).toBe(r.body.news.length);
  });
});

describe("GET /api/news", () => {
  it("filters by coin (one or several) and honours the limit", async () => {
    const btc = await api<NewsBody>("GET", "/api/news?coin=btc");
    expect(btc.status).toBe(200);
    expect(btc.body.news.length).toBeGreaterThan(0);
    expect(btc.body.news.every((n) => n.coins.includes("BTC"))).toBe(true);
    const two = await api<NewsBody>("GET", "/api/news?coin=XRP,LTC");
    expect(two.body.news.map((n) => n.link).sort()).toEqual(["https://atom.example/xrp", "https://hostile.example/ltc"]);
    const one = await api<NewsBody>("GET", "/api/news?limit=1");
    expect(one.body.news).toHaveLength(1);
  });

  it("puts a pair's coins first with ?pair=", async () => {
    const r = await api<NewsBody>("GET", "/api/news?pair=XRPUSDT&limit=100");
    const firstOther = r.body.news.findIndex((n) => !n.coins.includes("XRP") && !n.coins.includes("USDT"));
    expect(firstOther).toBeGreaterThan(0);
    expect(r.body.news.slice(firstOther).every((n) => !n.coins.includes("XRP") && !n.coins.includes("USDT"))).toBe(true);
    expect(r.body.news.length).toBeGreaterThan(firstOther);
  });

  it.each([
    ["/api/news?coin=DOGE", "coin"],
    ["/api/news?limit=0", "limit"],
    ["/api/news?limit=1000", "limit"],
    ["/api/news?limit=abc", "limit"],
    ["/api/news?pair=BTCEUR", "pair"],
  ])("rejects %s with 400", async (path, field) => {
    const r = await api<{ code: string; details: Record<string, string> }>("GET", path);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(r.body.details)).toContain(field);
  });
});
