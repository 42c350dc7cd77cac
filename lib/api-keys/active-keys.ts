// The active API key behind an X-MBX-APIKEY value, with its secret decrypted (HMAC) or its public key
// parsed (Ed25519), cached in memory so that a signed request costs one HMAC and no database read. An
// entry is dropped when its key is revoked ("api-key-revoked" on lib/market/events.ts, which also carries
// other processes' revocations) and re-read after CACHE_MS as a safety net for a missed event. Unknown
// keys are not cached. The cache is on globalThis: one per process for the custom server and Next's bundle.
import { createPublicKey, type KeyObject } from "node:crypto";
import { prisma } from "@/lib/db";
import { marketEvents } from "@/lib/market/events";
import { openSecret } from "./secret-box";

export interface ActiveKey {
  keyId: string;
  userId: string;
  portfolioId: string;
  canTrade: boolean;
  /** HMAC_SHA256: the secret; ED25519: the client's public key */
  verifier: { type: "HMAC_SHA256"; secret: Buffer } | { type: "ED25519"; publicKey: KeyObject };
}

interface Entry {
  key: ActiveKey;
  readAt: number;
  usedAt: number;
}

const CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;
const TOUCH_MS = 60_000; // lastUsedAt is written at most once a minute per key

const g = globalThis as unknown as { __compraventaApiKeys?: { entries: Map<string, Entry> } };

function cache(): { entries: Map<string, Entry> } {
  if (!g.__compraventaApiKeys) {
    const entries = new Map<string, Entry>();
    marketEvents.on("api-key-revoked", ({ keyId }) => {
      for (const [apiKey, e] of entries) if (e.key.keyId === keyId) entries.delete(apiKey);
    });
    g.__compraventaApiKeys = { entries };
  }
  return g.__compraventaApiKeys;
}

async function readKey(apiKey: string): Promise<ActiveKey | null> {
  const row = await prisma.apiKey.findUnique({
    where: { apiKey },
    select: { id: true, userId: true, portfolioId: true, type: true, secretEnc: true, publicKey: true, permissions: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const canTrade = row.permissions.split(",").includes("TRADE");
  if (row.type === "ED25519" && row.publicKey) {
    return { keyId: row.id, userId: row.userId, portfolioId: row.portfolioId, canTrade, verifier: { type: "ED25519", publicKey: createPublicKey(row.publicKey) } };
  }
  if (row.type === "HMAC_SHA256" && row.secretEnc) {
    return { keyId: row.id, userId: row.userId, portfolioId: row.portfolioId, canTrade, verifier: { type: "HMAC_SHA256", secret: openSecret(row.secretEnc, row.id) } };
  }
  return null;
}

/** The active key `apiKey` names (a well-formed key string), or null when unknown or revoked. */
export async function findActiveKey(apiKey: string, now = Date.now()): Promise<ActiveKey | null> {
  const { entries } = cache();
  const hit = entries.get(apiKey);
  if (hit && now - hit.readAt < CACHE_MS) return hit.key;
  entries.delete(apiKey);
  const key = await readKey(apiKey);
  if (!key) return null;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(apiKey, { key, readAt: now, usedAt: hit?.usedAt ?? 0 });
  return key;
}

/** Records that a key signed a request: lastUsedAt, written at most once a minute, never awaited. */
export function markKeyUsed(apiKey: string, now = Date.now()): void {
  const entry = cache().entries.get(apiKey);
  if (!entry || now - entry.usedAt < TOUCH_MS) return;
  entry.usedAt = now;
  prisma.apiKey
    .updateMany({ where: { id: entry.key.keyId, revokedAt: null }, data: { lastUsedAt: new Date(now) } })
    .catch((e: unknown) => console.error("api key lastUsedAt update failed:", e instanceof Error ? e.message : e));
}

/** Drops every cached key (tests, a rotated encryption key). */
export function clearKeyCache(): void {
  cache().entries.clear();
}
