// The key tests' call shape for the Binance-compatible REST API: the key first (null: no key header), then
// the parameters and what to tamper with: a given signature or none (null), no timestamp. A `timestamp` is
// added unless told otherwise, also to an unsigned call; the request itself goes through binance-signer.ts.
import { binanceClient as signerClient, type BinanceResponse, type SigningKey } from "./binance-signer";

export type { SigningKey };

export interface SignedCall {
  params?: Record<string, string | number | boolean | undefined>;
  /** a different signature, or none (null) */
  signature?: string | null;
  /** send no timestamp */
  noTimestamp?: boolean;
  headers?: Record<string, string>;
}

export function binanceClient(base: string) {
  const send = signerClient(base);
  return function signed<T = Record<string, unknown>>(method: string, path: string, key: SigningKey | null, call: SignedCall = {}): Promise<BinanceResponse<T>> {
    const params: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(call.params ?? {})) if (v !== undefined) params[k] = v;
    if (!call.noTimestamp && params.timestamp === undefined) params.timestamp = Date.now();
    return send<T>(method, path, params, {
      key: key ?? undefined,
      signed: key !== null && call.signature !== null,
      signature: call.signature ?? undefined,
      noTimestamp: call.noTimestamp,
      headers: call.headers,
    });
  };
}

export type BinanceCall = ReturnType<typeof binanceClient>;
