// The rules every listenKey call shares (binance-api.md §10, Binance's retired user data stream REST): a
// key of 64 letters and digits, good for 60 minutes after its creation or last keep-alive, looked up by its
// SHA-256 and scoped to the API key that opened it. Another key's listenKey, an expired one and a malformed
// one all read "does not exist" (-1125).
import { createHash } from "node:crypto";
import { BinanceError, missingParameter } from "@/lib/binance/errors";

export const LISTEN_KEY_TTL_MS = 60 * 60_000;

const FORMAT = /^[A-Za-z0-9]{1,64}$/;

export const listenKeyNotFound = () => new BinanceError(-1125, "This listenKey does not exist.");

export const hashOfListenKey = (listenKey: string): string => createHash("sha256").update(listenKey).digest("hex");

/** Whether a text can be a listenKey at all (bounded before it is hashed or looked up). */
export const isListenKeyFormat = (value: string): boolean => FORMAT.test(value);

/** The `listenKey` parameter: -1102 when missing, -1125 when it cannot be one. */
export function listenKeyParam(value: string | undefined): string {
  if (value === undefined || value === "") throw missingParameter("listenKey");
  if (!isListenKeyFormat(value)) throw listenKeyNotFound();
  return value;
}
