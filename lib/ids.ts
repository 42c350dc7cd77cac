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

// Letters and digits nobody confuses when reading a code aloud or off a board: no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V.
const UNAMBIGUOUS = "ACDEFGHJKMNPQRTWXY34679";

/** `length` random characters of an unambiguous alphabet, uniform (rejection sampling): invite codes. */
export function newUnambiguousCode(length = 8): string {
  const n = UNAMBIGUOUS.length;
  const limit = 256 - (256 % n);
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit && out.length < length) out += UNAMBIGUOUS[b % n];
    }
  }
  return out;
}
