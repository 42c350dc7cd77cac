// Downloads one feed with a conditional GET (ETag / Last-Modified), a timeout and a size cap, so a slow or
// endless feed costs at most a few seconds and a few megabytes. Parsing happens elsewhere.
// Redirects are followed by hand (at most FEED_MAX_REDIRECTS), and every hop's host is resolved and checked
// against the address policy before connecting (public addresses only unless NEWS_ALLOW_PRIVATE says
// otherwise): a feed URL cannot make the server fetch from loopback, the private network or the cloud
// metadata address and publish the result on /api/news. The check runs inside the connection's own DNS
// lookup, so the address checked is the one connected to.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { addressPolicy, guardedLookup, RefusedAddressError, type AddressPolicy } from "@/lib/net/public-address";

export const FEED_MAX_BYTES = 2 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 15_000;
export const FEED_MAX_REDIRECTS = 5;

export interface FetchFeedOptions {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** which addresses may be connected to; default: public ones only */
  policy?: AddressPolicy;
}

export type FetchedFeed =
  | { status: "not-modified" }
  | { status: "ok"; xml: string; etag: string | null; lastModified: string | null };

export class FeedFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedFetchError";
  }
}

const USER_AGENT = "CompraVenta news reader (+https://github.com/compraventa)";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const publicOnly = addressPolicy("false");

/** Fetch a feed's XML, or learn that it has not changed since the last ETag / Last-Modified. */
export async function fetchFeed(opts: FetchFeedOptions): Promise<FetchedFeed> {
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  const policy = opts.policy ?? publicOnly;
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;

  // One deadline for every hop, connecting and reading the whole body: a server that trickles bytes is cut off too.
  const signal = AbortSignal.timeout(opts.timeoutMs ?? FEED_TIMEOUT_MS);
  let url = parseFeedUrl(opts.url);
  let res = await get(url, headers, signal, policy);
  for (let hops = 0; REDIRECTS.has(res.statusCode ?? 0); hops++) {
    res.resume();
    const location = res.headers.location;
    if (!location) throw new FeedFetchError(`HTTP ${res.statusCode} without a Location`);
    if (hops >= FEED_MAX_REDIRECTS) throw new FeedFetchError(`too many redirects (more than ${FEED_MAX_REDIRECTS})`);
    url = parseFeedUrl(location, url);
    res = await get(url, headers, signal, policy);
  }
  const status = res.statusCode ?? 0;
  if (status === 304) {
    res.resume();
    return { status: "not-modified" };
  }
  if (status < 200 || status > 299) {
    res.resume();
    throw new FeedFetchError(`HTTP ${status}`);
  }
  const declared = Number(res.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    res.destroy();
    throw new FeedFetchError(`too large: ${declared} bytes (limit ${maxBytes})`);
  }
  const bytes = await readCapped(res, maxBytes, signal);
  return {
    status: "ok",
    xml: decode(bytes, header(res, "content-type")),
    etag: header(res, "etag"),
    lastModified: header(res, "last-modified"),
  };
}

function parseFeedUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FeedFetchError(`not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FeedFetchError(`refused: ${url.protocol} is not http or https`);
  return url;
}

// One request, no redirects followed. An IP literal never goes through DNS, so it is checked here; a name is
// checked by the guarded lookup as the socket connects.
function get(url: URL, headers: Record<string, string>, signal: AbortSignal, policy: AddressPolicy): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(new FeedFetchError(describeNetworkError(error)));
    if (/^[\d.]+$|:/.test(host) && !policy(host)) return fail(new RefusedAddressError(host, host));
    const request = url.protocol === "https:" ? https.request : http.request;
    const req = request(url, { headers, signal, lookup: guardedLookup(policy) }, resolve);
    req.on("error", fail);
    req.end();
  });
}

async function readCapped(res: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        res.destroy();
        throw new FeedFetchError(`too large: more than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(signal.aborted ? "timed out" : describeNetworkError(error));
  }
  return Buffer.concat(chunks, total);
}

function header(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

// The charset comes from the Content-Type header, else the XML declaration, else UTF-8 (the XML default).
function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const label =
    /charset="?([\w-]+)/i.exec(contentType ?? "")?.[1] ?? /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1] ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes).replace(/^\uFEFF/, "");
}

function describeNetworkError(error: unknown): string {
  if (error instanceof RefusedAddressError) return error.message;
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timed out";
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code !== "ABORT_ERR") return code;
    return error.message;
  }
  return String(error);
}
