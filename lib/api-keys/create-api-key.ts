// POST /api/keys – a new API key for the Binance-compatible API. HMAC keys: key and secret are 64 random
// letters/digits, the secret returned this once and stored encrypted. Ed25519 keys: the client keeps its
// private key; we store its public key. At most MAX_ACTIVE_KEYS active keys, exact under concurrency:
// the user's row is locked first (the global lock order), then the active keys are counted.
import { createPublicKey } from "node:crypto";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { newAlphanumeric, newId } from "@/lib/ids";
import { resolvePortfolio } from "@/lib/portfolio/resolve-portfolio";
import { sealSecret } from "./secret-box";
import type { ApiKeyPermission } from "@/lib/api/api-key-schemas";
import type { ApiKeyRecord } from "./api-key-record";

export const MAX_ACTIVE_KEYS = 10;

export interface CreateApiKeyOptions {
  userId: string;
  label?: string;
  permissions?: readonly ApiKeyPermission[];
  type?: "HMAC_SHA256" | "ED25519";
  publicKey?: string;
  /** the portfolio the key is bound to (default: the main one); another user's answers PORTFOLIO_NOT_FOUND */
  portfolio_id?: string;
}

/** READ always; TRADE when asked (the default asks both). */
function normalisePermissions(asked: readonly ApiKeyPermission[] = ["READ", "TRADE"]): ApiKeyPermission[] {
  return asked.includes("TRADE") ? ["READ", "TRADE"] : ["READ"];
}

function ed25519Pem(pem: string): string {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === "ed25519") return key.export({ type: "spki", format: "pem" }).toString();
  } catch {
    // not a public key at all
  }
  throw new DomainError("VALIDATION_FAILED", "publicKey: must be an Ed25519 public key in PEM", { publicKey: "must be an Ed25519 public key in PEM" });
}

export async function createApiKey(o: CreateApiKeyOptions): Promise<ApiKeyRecord & { secretKey?: string }> {
  const type = o.type ?? "HMAC_SHA256";
  const id = newId();
  const apiKey = newAlphanumeric(64);
  const secretKey = type === "HMAC_SHA256" ? newAlphanumeric(64) : undefined;
  const publicKey = type === "ED25519" ? ed25519Pem(o.publicKey ?? "") : null;
  const permissions = normalisePermissions(o.permissions);
  const label = o.label?.trim() || "API key";
  const portfolio = await resolvePortfolio(o.userId, o.portfolio_id);
  const row = await prisma.$transaction(async (tx) => {
    const locked = await tx.$executeRaw`UPDATE "User" SET "age" = "age" WHERE "id" = ${o.userId}`;
    if (locked !== 1) throw new DomainError("UNAUTHENTICATED", "The account no longer exists.");
    const active = await tx.apiKey.count({ where: { userId: o.userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_KEYS) {
      throw new DomainError("TOO_MANY_KEYS", `You already have ${MAX_ACTIVE_KEYS} active API keys, the most allowed: revoke one first.`);
    }
    return tx.apiKey.create({
      data: {
        id,
        userId: o.userId,
        label,
        apiKey,
        type,
        secretEnc: secretKey ? sealSecret(secretKey, id) : null,
        publicKey,
        permissions: permissions.join(","),
        portfolioId: portfolio.id,
      },
      select: { createdAt: true },
    });
  });
  return { id, label, apiKey, type, permissions, portfolioId: portfolio.id, createdAt: row.createdAt, lastUsedAt: null, ...(secretKey ? { secretKey } : {}) };
}
