// DELETE /api/keys/{id} – revoke one of the user's keys, effective at once: the revocation commits, then
// "api-key-revoked" drops the cached secret (this process and, through the bus, the others) and ends the
// key's user-data streams. A password reset by mail link revokes all of a user's keys (revokeAllApiKeys).
import { prisma, type Prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { marketEvents } from "@/lib/market/events";

type KeyClient = Pick<Prisma, "apiKey">;

export async function revokeApiKey({ userId, keyId }: { userId: string; keyId: string }): Promise<void> {
  const { count } = await prisma.apiKey.updateMany({ where: { id: keyId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count !== 1) throw new DomainError("NOT_FOUND", "No active API key with this id belongs to you.");
  announceKeysRevoked(userId, [keyId]);
}

/** Revokes every active key of the user inside the caller's transaction; returns their ids for announceKeysRevoked. */
export async function revokeAllApiKeys(db: KeyClient, userId: string): Promise<string[]> {
  const keys = await db.apiKey.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  if (keys.length === 0) return [];
  await db.apiKey.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return keys.map((k) => k.id);
}

/** After commit: one "api-key-revoked" per key. */
export function announceKeysRevoked(userId: string, keyIds: readonly string[]): void {
  for (const keyId of keyIds) marketEvents.emit("api-key-revoked", { userId, keyId });
}
