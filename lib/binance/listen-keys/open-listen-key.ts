// POST /api/v3/userDataStream – the API key's listenKey: the active one, its validity extended by 60
// minutes, or a new one when it has none (or it expired). Concurrent opens of one key agree on one
// listenKey: a new row is created only where none is (the unique API key id decides), else re-read.
import { prisma } from "@/lib/db";
import { newAlphanumeric, newId } from "@/lib/ids";
import { openSecret, sealSecret } from "@/lib/api-keys/secret-box";
import { hashOfListenKey, LISTEN_KEY_TTL_MS } from "./listen-key";

const ATTEMPTS = 3;
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

export async function openListenKey(apiKeyId: string, now = Date.now()): Promise<{ listenKey: string }> {
  for (let attempt = 1; ; attempt++) {
    const row = await prisma.listenKey.findUnique({ where: { apiKeyId }, select: { id: true, sealed: true, expiresAt: true } });
    if (row && row.expiresAt > BigInt(now)) {
      const kept = await prisma.listenKey.updateMany({ where: { id: row.id, expiresAt: { gt: BigInt(now) } }, data: { expiresAt: BigInt(now + LISTEN_KEY_TTL_MS) } });
      if (kept.count === 1) return { listenKey: openSecret(row.sealed, row.id).toString("utf8") };
    } else {
      if (row) await prisma.listenKey.deleteMany({ where: { id: row.id, expiresAt: { lte: BigInt(now) } } });
      const id = newId();
      const listenKey = newAlphanumeric(64);
      try {
        await prisma.listenKey.create({
          data: { id, apiKeyId, keyHash: hashOfListenKey(listenKey), sealed: sealSecret(listenKey, id), createdAt: BigInt(now), expiresAt: BigInt(now + LISTEN_KEY_TTL_MS) },
        });
        return { listenKey };
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= ATTEMPTS) throw e;
      }
    }
    if (attempt >= ATTEMPTS) throw new Error("listenKey: no stable row after retries");
  }
}
