// Opaque identifiers: random, revealing nothing about the user or the order of creation.
import { randomBytes, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/** A URL-safe random secret (reset links). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString("base64url");

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` random letters and digits, uniform (bytes ≥ 248 are dropped, 248 = 4 × 62): API keys and secrets. */
export function newAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALNUM[b % 62];
    }
  }
  return out;
}
