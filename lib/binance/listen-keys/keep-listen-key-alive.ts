// PUT /api/v3/userDataStream?listenKey= – 60 more minutes for an active listenKey of this API key; an
// expired, closed or foreign one is -1125.
import { prisma } from "@/lib/db";
import { hashOfListenKey, LISTEN_KEY_TTL_MS, listenKeyNotFound } from "./listen-key";

export async function keepListenKeyAlive(apiKeyId: string, listenKey: string, now = Date.now()): Promise<Record<string, never>> {
  const kept = await prisma.listenKey.updateMany({
    where: { apiKeyId, keyHash: hashOfListenKey(listenKey), expiresAt: { gt: BigInt(now) } },
    data: { expiresAt: BigInt(now + LISTEN_KEY_TTL_MS) },
  });
  if (kept.count !== 1) throw listenKeyNotFound();
  return {};
}
