// A local feed server for the news tests: serves the RSS/Atom documents the tests write themselves (never
// the real feeds), answers conditional requests like a real publisher, and can misbehave on purpose
// (HTTP errors, slow answers, endless bodies) so ingestion can be tested against hostile feeds offline.
import http from "node:http";
import type net from "node:net";

export interface FeedRoute {
  /** a string is sent as UTF-8; a Buffer as is (other charsets) */
  body?: string | Buffer;
  status?: number;
  contentType?: string;
  /** sent as ETag; a request with a matching If-None-Match gets 304 */
  etag?: string;
  /** sent as Last-Modified; a request with this exact If-Modified-Since gets 304 */
  lastModified?: string;
  /** wait this long before answering */
  delayMs?: number;
  /** stream this many bytes of junk with no Content-Length (a huge or endless feed) */
  streamBytes?: number;
  /** answer a redirect (302 unless `status` says otherwise) to this Location */
  redirectTo?: string;
}

export interface FeedRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  serve(path: string, route: FeedRoute): void;
  requests(path?: string): FeedRequest[];
  close(): Promise<void>;
}

/** Start a feed server on a free loopback port (of 127.0.0.1, or another loopback address such as 127.0.0.2). */
export async function startFeedServer(host = "127.0.0.1"): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const log: FeedRequest[] = [];
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const route = routes.get(path);
    const record: FeedRequest = {
      path,
      ifNoneMatch: req.headers["if-none-match"],
      ifModifiedSince: req.headers["if-modified-since"],
      status: 0,
    };
    log.push(record);
    const answer = () => {
      if (!route) return end(res, record, 404, "text/plain", "not found");
      if ((route.etag && record.ifNoneMatch === route.etag) || (route.lastModified && record.ifModifiedSince === route.lastModified)) {
        record.status = 304;
        res.writeHead(304, validators(route));
        return res.end();
      }
      if (route.redirectTo !== undefined) return end(res, record, route.status ?? 302, "text/plain", "moved", { location: route.redirectTo });
      if (route.streamBytes !== undefined) return stream(res, record, route.streamBytes);
      end(res, record, route.status ?? 200, route.contentType ?? "application/rss+xml; charset=utf-8", route.body ?? "", validators(route));
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as net.AddressInfo).port;
  const origin = `http://${host}:${port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    serve: (path, route) => void routes.set(path, route),
    requests: (path) => (path ? log.filter((r) => r.path === path) : [...log]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function validators(route: FeedRoute): Record<string, string> {
  const h: Record<string, string> = {};
  if (route.etag) h.etag = route.etag;
  if (route.lastModified) h["last-modified"] = route.lastModified;
  return h;
}

function end(res: http.ServerResponse, record: FeedRequest, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  record.status = status;
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

// Writes `total` bytes in 64 KiB chunks without a Content-Length, stopping when the client hangs up.
function stream(res: http.ServerResponse, record: FeedRequest, total: number) {
  record.status = 200;
  res.writeHead(200, { "content-type": "application/rss+xml" });
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>');
  const chunk = `<item><title>x</title><link>https://example.com/x</link></item>`.repeat(1024);
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end("</channel></rss>");
  };
  res.on("close", () => (sent = total));
  pump();
}

// ---- documents the tests write ----

export interface TestItem {
  title: string;
  link?: string;
  guid?: string;
  /** RFC 822 for RSS, ISO 8601 for Atom, or any garbage to test date handling */
  date?: string;
  /** inserted verbatim (so tests can write hostile HTML, escaped or in CDATA) */
  descriptionXml?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An RSS 2.0 document. */
export function rssFeed(title: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ""}` +
        `${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ""}${i.date ? `<pubDate>${esc(i.date)}</pubDate>` : ""}` +
        `${i.descriptionXml !== undefined ? `<description>${i.descriptionXml}</description>` : ""}</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>https://example.com/</link><description>test feed</description>\n${body}\n</channel></rss>`;
}

/** An Atom 1.0 document. */
export function atomFeed(title: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<entry><title>${esc(i.title)}</title>${i.link ? `<link rel="alternate" href="${esc(i.link)}"/>` : ""}` +
        `<id>${esc(i.guid ?? i.link ?? i.title)}</id>${i.date ? `<updated>${esc(i.date)}</updated>` : ""}` +
        `${i.descriptionXml !== undefined ? `<summary type="html">${i.descriptionXml}</summary>` : ""}</entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:${esc(title)}</id><updated>2026-01-01T00:00:00Z</updated>\n${body}\n</feed>`;
}
