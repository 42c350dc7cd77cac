// Opaque identifiers: random, revealing nothing about the user or the order of creation.
import { randomBytes, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/** A URL-safe random secret (reset links). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString("base64url");
