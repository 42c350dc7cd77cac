// A signed request of the Binance-compatible API (binance-api.md §3), checked in Binance's order: the
// key header (-2014), the key (-2015), timestamp and signature present (-1102), recvWindow (-1130), timing
// (-1021), the signature (-1022), the permission (-2015). HMAC-SHA256 signatures are hex, compared
// case-insensitively in constant time; Ed25519 signatures are base64. The caller builds `payload`, the
// bytes that were signed (REST: raw query + raw body without the signature pair; WS: the other params
// sorted by name as k=v&...), and passes the parameters as received.
import { createHmac, timingSafeEqual, verify } from "node:crypto";
import { findActiveKey, markKeyUsed, type ActiveKey } from "@/lib/api-keys/active-keys";
import { BinanceError, MSG, invalidParameter, missingParameter } from "./errors";

export type Security = "USER_DATA" | "TRADE";

export interface SignedRequest {
  /** the X-MBX-APIKEY header (or the ws-api `apiKey` param) */
  apiKey: string | null | undefined;
  payload: string;
  signature: string | undefined;
  timestamp: string | undefined;
  recvWindow: string | undefined;
  need: Security;
  /** ms since the epoch (tests) */
  now?: number;
}

/** When the request was signed and how long it stays good, in ms. */
export interface Timing {
  timestamp: number;
  recvWindow: number;
}

export interface VerifiedRequest {
  userId: string;
  portfolioId: string;
  keyId: string;
  canTrade: boolean;
  timing: Timing;
}

const API_KEY = /^[A-Za-z0-9]{64}$/;
const TIMESTAMP = /^\d{1,16}$/; // ms, or µs when 16 digits
const RECV_WINDOW = /^\d{1,5}(\.\d{1,3})?$/; // ms, to the µs as Binance allows
const MAX_RECV_WINDOW = 60_000;
const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

const rejectedKey = () => new BinanceError(-2015, MSG.rejectedKey, 401);

function parseTiming(timestamp: string | undefined, recvWindow: string | undefined): Timing {
  if (timestamp === undefined || !TIMESTAMP.test(timestamp)) throw missingParameter("timestamp");
  return { timestamp: timestamp.length === 16 ? Number(timestamp) / 1000 : Number(timestamp), recvWindow: parseRecvWindow(recvWindow) };
}

function parseRecvWindow(recvWindow: string | undefined): number {
  if (recvWindow === undefined) return 5000;
  const ms = RECV_WINDOW.test(recvWindow) ? Number(recvWindow) : NaN;
  if (!(ms > 0 && ms <= MAX_RECV_WINDOW)) throw invalidParameter(`recvWindow must be greater than 0 and at most ${MAX_RECV_WINDOW}.`);
  return ms;
}

/** The timing rule: refused from 1 s ahead of the server, and once older than recvWindow. Call it again
 *  just before an order's ledger transaction, with the same timing. */
export function checkTiming({ timestamp, recvWindow }: Timing, now = Date.now()): void {
  if (timestamp >= now + 1000) throw new BinanceError(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
  if (now - timestamp > recvWindow) throw new BinanceError(-1021, "Timestamp for this request is outside of the recvWindow.");
}

function signatureMatches(key: ActiveKey, payload: string, signature: string): boolean {
  const v = key.verifier;
  if (v.type === "HMAC_SHA256") {
    if (!HEX_SIGNATURE.test(signature)) return false;
    const expected = createHmac("sha256", v.secret).update(payload, "utf8").digest();
    return timingSafeEqual(expected, Buffer.from(signature, "hex"));
  }
  if (!BASE64_SIGNATURE.test(signature)) return false;
  return verify(null, Buffer.from(payload, "utf8"), v.publicKey, Buffer.from(signature, "base64"));
}

/** The active key of an X-MBX-APIKEY value: -2014 when malformed, -2015 when unknown or revoked. */
async function verifyApiKey(apiKey: string | null | undefined, now: number): Promise<ActiveKey> {
  if (!apiKey || !API_KEY.test(apiKey)) throw new BinanceError(-2014, MSG.badApiKeyFormat, 401);
  const key = await findActiveKey(apiKey, now);
  if (!key) throw rejectedKey();
  return key;
}

/** USER_STREAM security (the listenKey calls): the X-MBX-APIKEY header alone, no signature; any permission. */
export async function verifyUserStreamKey(apiKey: string | null | undefined, now = Date.now()): Promise<{ keyId: string }> {
  const key = await verifyApiKey(apiKey, now);
  markKeyUsed(apiKey as string, now);
  return { keyId: key.keyId };
}

/** The key's user, or the first failed check as a BinanceError. */
export async function verifySignedRequest(req: SignedRequest): Promise<VerifiedRequest> {
  const now = req.now ?? Date.now();
  const key = await verifyApiKey(req.apiKey, now);
  const timing = parseTiming(req.timestamp, req.recvWindow);
  if (req.signature === undefined || req.signature === "") throw missingParameter("signature");
  checkTiming(timing, now);
  if (!signatureMatches(key, req.payload, req.signature)) throw new BinanceError(-1022, MSG.badSignature);
  if (req.need === "TRADE" && !key.canTrade) throw rejectedKey();
  markKeyUsed(req.apiKey as string, now); // verifyApiKey checked it
  return { userId: key.userId, portfolioId: key.portfolioId, keyId: key.keyId, canTrade: key.canTrade, timing };
}
