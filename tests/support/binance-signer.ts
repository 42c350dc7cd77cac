// A small Binance REST client for the integration tests and the benchmark: signing as Binance documents
// it (HMAC-SHA256 hex, or Ed25519 base64, over query string + body), the key in X-MBX-APIKEY. Parameters go
// in the query (GET) or a form body (POST/DELETE), or where the test asks; `raw` sends bytes verbatim.
import { createHmac, sign as signEd25519, type KeyObject } from "node:crypto";
import type { Api } from "./api-client";

export interface BinanceKey {
  apiKey: string;
  secretKey: string;
}

/** An HMAC key, or an Ed25519 key whose private half the bot keeps. */
export type SigningKey = BinanceKey | { apiKey: string; privateKey: KeyObject };

export interface BinanceResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface SendOptions {
  key?: SigningKey;
  /** sign (adds timestamp unless given, then signature); default: when a key is given */
  signed?: boolean;
  /** sign without adding a timestamp */
  noTimestamp?: boolean;
  /** where the parameters go; default query for GET, body otherwise */
  in?: "query" | "body";
  /** exact query and body text (signed as they are unless `signature` is in them) */
  raw?: { query?: string; body?: string };
  headers?: Record<string, string>;
  /** tamper: the signature to send instead of the right one */
  signature?: string;
}

export const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("hex");

export function signPayload(key: SigningKey, payload: string): string {
  if ("secretKey" in key) return sign(key.secretKey, payload);
  return signEd25519(null, Buffer.from(payload), key.privateKey).toString("base64");
}

export function binanceClient(base: string) {
  return async function send<T = Record<string, unknown>>(
    method: string,
    path: string,
    params: Record<string, string | number | boolean> = {},
    opts: SendOptions = {},
  ): Promise<BinanceResponse<T>> {
    const signed = opts.signed ?? opts.key !== undefined;
    const all: Record<string, string> = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    if (signed && !opts.noTimestamp && all.timestamp === undefined) all.timestamp = String(Date.now());
    const text = new URLSearchParams(all).toString();
    const where = opts.in ?? (method === "GET" ? "query" : "body");
    let query = opts.raw?.query ?? (where === "query" ? text : "");
    let body = opts.raw?.body ?? (where === "body" ? text : "");
    if (signed && opts.key) {
      const signature = encodeURIComponent(opts.signature ?? signPayload(opts.key, query + body));
      if (where === "query" || body === "") query = query ? `${query}&signature=${signature}` : `signature=${signature}`;
      else body = `${body}&signature=${signature}`;
    }
    const headers: Record<string, string> = { ...(opts.key ? { "X-MBX-APIKEY": opts.key.apiKey } : {}), ...opts.headers };
    if (body) headers["content-type"] ??= "application/x-www-form-urlencoded";
    const r = await fetch(`${base}${path}${query ? `?${query}` : ""}`, { method, headers, body: body || undefined });
    const raw = await r.text();
    let parsed: unknown;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      parsed = raw;
    }
    return { status: r.status, body: parsed as T, headers: r.headers };
  };
}

export type BinanceSend = ReturnType<typeof binanceClient>;

/** A new API key of the user (native POST /api/keys); READ only unless `trade`. */
export async function newApiKey(api: Api, token: string, trade = true): Promise<BinanceKey & { id: string }> {
  const r = await api<{ id: string; apiKey: string; secretKey: string }>("POST", "/api/keys", {
    token,
    body: { label: "test", permissions: trade ? ["READ", "TRADE"] : ["READ"] },
  });
  if (r.status !== 201) throw new Error(`creating an API key failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
