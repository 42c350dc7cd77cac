// Downloads one feed with a conditional GET (ETag / Last-Modified), a timeout and a size cap, so a slow or
// endless feed costs at most a few seconds and a few megabytes. Parsing happens elsewhere.

export const FEED_MAX_BYTES = 2 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 15_000;

export interface FetchFeedOptions {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
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

/** Fetch a feed's XML, or learn that it has not changed since the last ETag / Last-Modified. */
export async function fetchFeed(opts: FetchFeedOptions): Promise<FetchedFeed> {
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;

  // One deadline for connecting and reading the whole body: a server that trickles bytes is cut off too.
  const signal = AbortSignal.timeout(opts.timeoutMs ?? FEED_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(opts.url, { headers, signal, redirect: "follow" });
  } catch (error) {
    throw new FeedFetchError(describeNetworkError(error));
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: "not-modified" };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedFetchError(`HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FeedFetchError(`too large: ${declared} bytes (limit ${maxBytes})`);
  }
  const bytes = await readCapped(res, maxBytes);
  return {
    status: "ok",
    xml: decode(bytes, res.headers.get("content-type")),
    etag: res.headers.get("etag"),
    lastModified: res.headers.get("last-modified"),
  };
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new FeedFetchError(`too large: more than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(describeNetworkError(error));
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
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
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timed out";
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
