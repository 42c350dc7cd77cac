// Client order ids (Binance's newClientOrderId rule): 1-36 of letters, digits, - _ . ; generated when absent.
import { randomUUID } from "node:crypto";

export const CLIENT_ORDER_ID = /^[a-zA-Z0-9\-_.]{1,36}$/;

// From randomUUID (served from a cached entropy pool; randomBytes costs a system call per order): 22 hex
// digits, about 82 random bits, short enough for an OCO's ".1"/".2" leg suffixes.
export const newClientOrderId = (): string => `cv${randomUUID().replace(/-/g, "").slice(0, 22)}`;

/** Did an insert fail on the open orders' client id index, or the open OCO lists' (SQLite or PostgreSQL)? */
export function isDuplicateClientId(e: unknown): boolean {
  const text = e instanceof Error ? `${e.message} ${(e as { constraint?: string }).constraint ?? ""}` : "";
  return /Order_open_(list)?[cC]lientOrderId_key|Order\.portfolioId, Order\.(list)?[cC]lientOrderId/.test(text);
}
