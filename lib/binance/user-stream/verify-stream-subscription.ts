// userDataStream.subscribe.signature (binance-api.md §10): the params carry apiKey, timestamp, signature
// and optionally recvWindow; the signature covers every other param sorted by name as `k=v&…` (Binance's
// WebSocket API rule, ccxt's signParams). A READ key is enough. Returns whose stream it is, or throws the
// BinanceError of the first failed check (lib/binance/verify-signed-request.ts keeps Binance's order).
import { BinanceError, illegalCharacters } from "@/lib/binance/errors";
import { verifySignedRequest } from "@/lib/binance/verify-signed-request";

const MAX_PARAMS = 16;
const MAX_VALUE_LENGTH = 512;

const scalar = (name: string, v: unknown): string => {
  if (typeof v === "string" && v.length <= MAX_VALUE_LENGTH) return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return String(v);
  throw illegalCharacters(name);
};

export async function verifyStreamSubscription(params: Record<string, unknown>, now?: number): Promise<{ userId: string; portfolioId: string; keyId: string }> {
  const names = Object.keys(params);
  if (names.length > MAX_PARAMS) throw new BinanceError(-1101, "Too many parameters sent for this endpoint.");
  const text = new Map(names.map((k) => [k, scalar(k, params[k])]));
  const payload = names
    .filter((k) => k !== "signature")
    .sort()
    .map((k) => `${k}=${text.get(k)}`)
    .join("&");
  const { userId, portfolioId, keyId } = await verifySignedRequest({
    apiKey: text.get("apiKey"),
    payload,
    signature: text.get("signature"),
    timestamp: text.get("timestamp"),
    recvWindow: text.get("recvWindow"),
    need: "USER_DATA",
    now,
  });
  return { userId, portfolioId, keyId };
}
