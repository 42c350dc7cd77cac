// Client order ids (Binance's newClientOrderId rule): 1-36 of letters, digits, - _ . ; generated when absent.
import { randomBytes } from "node:crypto";

export const CLIENT_ORDER_ID = /^[a-zA-Z0-9\-_.]{1,36}$/;

export const newClientOrderId = (): string => `cv${randomBytes(15).toString("base64url").replace(/[^a-zA-Z0-9]/g, "x")}`;

/** Did an insert fail on the open-orders client id index (SQLite or PostgreSQL)? */
export function isDuplicateClientId(e: unknown): boolean {
  const text = e instanceof Error ? `${e.message} ${(e as { constraint?: string }).constraint ?? ""}` : "";
  return /Order_open_clientOrderId_key|Order\.portfolioId, Order\.clientOrderId/.test(text);
}
