// Web hardening through the real server: security headers on pages and API answers; malformed
// percent-encoding and unimplemented methods answer the JSON error shape (every app/api route is walked);
// the news fetcher refuses loopback and private targets, also behind a redirect, unless allowed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, type Api } from "../support/api-client";
import { rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";
import { queryDb } from "../support/db-query";
import { waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;
// 127.0.0.1: a private service; 127.0.0.2: stands in for a public publisher once the operator allows it.
let internal: FeedServer;
let publisher: FeedServer;

const SECRET = rssFeed("Internal", [{ title: "Internal admin secret", link: "https://internal.example/secret", guid: "s-1" }]);
const PUBLIC = rssFeed("Publisher", [{ title: "Bitcoin news from a publisher", link: "https://publisher.example/btc", guid: "p-1" }]);

beforeAll(async () => {
  internal = await startFeedServer("127.0.0.1");
  publisher = await startFeedServer("127.0.0.2");
  internal.serve("/secret.xml", { body: SECRET });
  publisher.serve("/feed.xml", { body: PUBLIC });
  publisher.serve("/moved.xml", { redirectTo: internal.url("/secret.xml") });
  publisher.serve("/moved-by-name.xml", { redirectTo: internal.url("/secret.xml").replace("127.0.0.1", "localhost"), status: 301 });
  const feeds = [internal.url("/secret.xml"), internal.url("/secret.xml").replace("127.0.0.1", "localhost"), publisher.url("/moved.xml"), publisher.url("/moved-by-name.xml")];
  // NEWS_ALLOW_PRIVATE unset: the default, public addresses only.
  server = await startTestServer({ NEWS_FEEDS: feeds.join(","), NEWS_POLL_MS: "1000" });
  api = apiClient(server.url);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await internal?.close();
  await publisher?.close();
});

describe("security headers", () => {
  const expectHardened = (h: Headers) => {
    const csp = h.get("content-security-policy") ?? "";
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(h.get("x-frame-options")).toBe("DENY");
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // APP_URL is http here: no HSTS (it would pin browsers to https on a host that has none).
    expect(h.get("strict-transport-security")).toBeNull();
  };

  it("are sent with a page", async () => {
    const r = await fetch(`${server.url}/login`);
    expect(r.status).toBe(200);
    expectHardened(r.headers);
  });

  it("are sent with an API answer, an error included", async () => {
    const ok = await fetch(`${server.url}/api/markets`);
    expect(ok.status).toBe(200);
    expectHardened(ok.headers);
    const unauthenticated = await fetch(`${server.url}/api/wallet`);
    expect(unauthenticated.status).toBe(401);
    expectHardened(unauthenticated.headers);
  });
});

describe("malformed percent-encoding", () => {
  it.each(["/api/%", "/api/wallet/%E0%A4%A", "/api/%zz", "/api/learn/%C0%AF/complete", "/api/%?coin=btc"])("%s answers a JSON 400", async (p) => {
    for (const method of ["GET", "POST"]) {
      const r = await api(method, p);
      expect(r.status).toBe(400);
      expect(r.headers.get("content-type")).toMatch(/application\/json/);
      expect(r.body.code).toBe("MALFORMED_URL");
      expect(typeof r.body.message).toBe("string");
    }
  });

  it("leaves well-formed encodings alone", async () => {
    expect((await api("GET", "/api/wallet/%42TC")).status).toBe(401);
    expect((await api("GET", "/api/no%20such")).body).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("unimplemented methods", () => {
  const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
  const SAMPLE: Record<string, string> = { "[coin]": "BTC", "[slug]": "orders", "[symbol]": "BTCUSDT", "[...nextauth]": "session" };

  // Every app/api/**/route.ts but the catch-all, with the methods its source exports.
  function routes(): { url: string; file: string; implemented: Set<string> }[] {
    const out: { url: string; file: string; implemented: Set<string> }[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === "route.ts") {
          const segments = path.relative("app", path.dirname(p)).split(path.sep);
          if (segments.includes("[...path]")) continue;
          const src = fs.readFileSync(p, "utf8");
          const implemented = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter((m) => new RegExp(`export (const|(async )?function) ${m}\\b|as ${m}\\b`).test(src)));
          out.push({ file: p, url: `/${segments.map((s) => SAMPLE[s] ?? s).join("/")}`, implemented });
        }
      }
    };
    walk("app/api");
    return out;
  }

  const all = routes();

  it("finds the routes", () => {
    expect(all.length).toBeGreaterThan(25);
    expect(all.find((r) => r.url === "/api/order/stoploss")?.implemented).toEqual(new Set(["POST", "PUT", "DELETE"]));
  });

  it.each(all.map((r) => [r.url, r] as const))("%s answers every other method with a JSON 405 and Allow", async (_url, route) => {
    const allowed = new Set([...route.implemented, "OPTIONS"]);
    if (allowed.has("GET")) allowed.add("HEAD");
    const allow = [...allowed].sort().join(", ");
    const options = await fetch(`${server.url}${route.url}`, { method: "OPTIONS" });
    expect(options.status, `${route.file} OPTIONS`).toBe(204);
    expect(options.headers.get("allow")).toBe(allow);
    for (const method of METHODS.filter((m) => !allowed.has(m))) {
      const r = await fetch(`${server.url}${route.url}`, { method, headers: { "content-type": "application/json" }, body: method === "HEAD" || method === "GET" ? undefined : "{}" });
      expect(r.status, `${method} ${route.url} (${route.file})`).toBe(405);
      expect(r.headers.get("allow"), `${method} ${route.url}`).toBe(allow);
      if (method === "HEAD") continue;
      expect(r.headers.get("content-type")).toMatch(/application\/json/);
      if (route.url.startsWith("/api/v3/")) {
        // the Binance dialect's routes answer in its own error shape (binance-api.md §8)
        expect(await r.json()).toEqual({ code: -1020, msg: "This operation is not supported." });
        continue;
      }
      const body = (await r.json()) as { code: string; message: string; error: string };
      // The native error shape, with the original frontend's `error` alias (the same sentence).
      expect(Object.keys(body).sort()).toEqual(["code", "error", "message"]);
      expect(body.error).toBe(body.message);
      expect(body.code).toBe("METHOD_NOT_ALLOWED");
      expect(body.message).toContain(method);
    }
  });

  it("an unknown /api path is still a JSON 404 for any method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      expect((await api(method, "/api/no/such/endpoint")).body).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

interface NewsBody {
  news: { title: string; link: string }[];
  feeds: { configured: number; polled: number; reachable: number };
}

const feedErrors = async () => {
  const rows = await queryDb<{ url: string; lastError: string | null }>(server.db.url, `SELECT "url", "lastError" FROM "FeedState"`);
  return new Map(rows.map((r) => [r.url, r.lastError ?? ""]));
};

describe("news fetcher and private addresses", () => {
  it("refuses a feed on loopback, by address or by name, and one redirecting there; nothing is published", async () => {
    await waitFor(async () => (await api<NewsBody>("GET", "/api/news")).body.feeds.polled === 4, "the first poll of every feed", 30_000);
    const errors = await feedErrors();
    expect(errors.get(internal.url("/secret.xml"))).toMatch(/refused: 127\.0\.0\.1 is a private, loopback or link-local address/);
    expect(errors.get(internal.url("/secret.xml").replace("127.0.0.1", "localhost"))).toMatch(/refused: localhost/);
    // The publisher itself is refused too (it is on loopback and nothing is allowed): never contacted.
    expect(errors.get(publisher.url("/moved.xml"))).toMatch(/refused: 127\.0\.0\.2/);
    expect(internal.requests()).toHaveLength(0);
    expect(publisher.requests()).toHaveLength(0);
    const news = await api<NewsBody>("GET", "/api/news?limit=100");
    expect(news.body.news).toEqual([]);
    expect(news.body.feeds).toMatchObject({ configured: 4, reachable: 0 });
  });

  it("with only the publisher allowed, checks every redirect hop: the redirect to loopback is refused, the publisher's feed is read", async () => {
    await server.restart({
      NEWS_ALLOW_PRIVATE: "127.0.0.2",
      NEWS_FEEDS: [publisher.url("/feed.xml"), publisher.url("/moved.xml"), publisher.url("/moved-by-name.xml")].join(","),
    });
    const news = await waitFor(async () => {
      const r = await api<NewsBody>("GET", "/api/news?limit=100");
      return r.body.news.length > 0 && r.body.feeds.polled === 3 ? r : undefined;
    }, "the publisher's feed", 30_000);
    expect(news.body.news.map((n) => n.title)).toEqual(["Bitcoin news from a publisher"]);
    const errors = await feedErrors();
    expect(errors.get(publisher.url("/moved.xml"))).toMatch(/refused: 127\.0\.0\.1 is a private/);
    expect(errors.get(publisher.url("/moved-by-name.xml"))).toMatch(/refused: localhost/);
    expect(publisher.requests("/moved.xml").length).toBeGreaterThan(0);
    expect(internal.requests()).toHaveLength(0);
    expect(JSON.stringify(news.body)).not.toContain("Internal admin secret");
  });
});
