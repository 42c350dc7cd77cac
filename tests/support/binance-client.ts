// A signing client for the Binance-compatible REST API, as a bot would call it: parameters in the query
// (GET) or a form body, `timestamp` added, signed with HMAC-SHA256 (hex) or Ed25519 (base64) over the
// query string + body, the key in X-MBX-APIKEY. `tamper` changes what is sent after signing.
import { createHmac, sign, type KeyObject } from "node:crypto";

export type SigningKey = { apiKey: string; secretKey: string } | { apiKey: string; privateKey: KeyObject };

export interface SignedCall {
  params?: Record<string, string | number | boolean | undefined>;
  /** a different signature, or none (null) */
  signature?: string | null;
  /** send no timestamp */
  noTimestamp?: boolean;
  headers?: Record<string, string>;
}

export interface BinanceAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export function signPayload(key: SigningKey, payload: string): string {
  if ("secretKey" in key) return createHmac("sha256", key.secretKey).update(payload).digest("hex");
  return sign(null, Buffer.from(payload), key.privateKey).toString("base64");
}

export function binanceClient(base: string) {
  return async function signed<T = Record<string, unknown>>(method: string, path: string, key: SigningKey | null, call: SignedCall = {}): Promise<BinanceAnswer<T>> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(call.params ?? {})) if (v !== undefined) params.set(k, String(v));
    if (!call.noTimestamp && !params.has("timestamp")) params.set("timestamp", String(Date.now()));
    const text = params.toString();
    const signature = call.signature !== undefined ? call.signature : key ? signPayload(key, text) : null;
    const full = signature === null ? text : `${text}${text ? "&" : ""}signature=${encodeURIComponent(signature)}`;
    const inQuery = method === "GET";
    const headers: Record<string, string> = { ...(key ? { "X-MBX-APIKEY": key.apiKey } : {}), ...call.headers };
    if (!inQuery) headers["content-type"] = "application/x-www-form-urlencoded";
    const r = await fetch(`${base}${path}${inQuery && full ? `?${full}` : ""}`, { method, headers, body: inQuery ? undefined : full });
    const raw = await r.text();
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // not JSON: keep the text
    }
    return { status: r.status, body: body as T, headers: r.headers };
  };
}

export type BinanceCall = ReturnType<typeof binanceClient>;
