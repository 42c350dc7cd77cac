// Whether the API key behind a user data stream subscription is still active (not revoked), for the
// stream's periodic re-check of revocations made in another process. Scoped to the key's owner.
import { prisma } from "@/lib/db";

export async function isStreamKeyActive({ userId, keyId }: { userId: string; keyId: string }): Promise<boolean> {
  const key = await prisma.apiKey.findFirst({ where: { id: keyId, userId, revokedAt: null }, select: { id: true } });
  return key !== null;
}
