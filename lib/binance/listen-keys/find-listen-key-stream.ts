// /ws/<listenKey>: whose stream a listenKey opens (its API key's user and portfolio), or null when it does
// not exist, expired or its API key was revoked; and the same check again for an open socket.
import { prisma } from "@/lib/db";
import { hashOfListenKey } from "./listen-key";

export interface ListenKeyStream {
  listenKeyId: string;
  userId: string;
  portfolioId: string;
  keyId: string;
}

/** Good at `now`: not expired, its API key not revoked. */
const isLive = (row: { expiresAt: bigint; apiKey: { revokedAt: Date | null } }, now: number) => row.expiresAt > BigInt(now) && row.apiKey.revokedAt === null;

export async function findListenKeyStream(listenKey: string, now = Date.now()): Promise<ListenKeyStream | null> {
  const row = await prisma.listenKey.findUnique({
    where: { keyHash: hashOfListenKey(listenKey) },
    select: { id: true, expiresAt: true, apiKey: { select: { id: true, userId: true, portfolioId: true, revokedAt: true } } },
  });
  if (!row || !isLive(row, now)) return null;
  return { listenKeyId: row.id, userId: row.apiKey.userId, portfolioId: row.apiKey.portfolioId, keyId: row.apiKey.id };
}

export async function isListenKeyLive(listenKeyId: string, now = Date.now()): Promise<boolean> {
  const row = await prisma.listenKey.findUnique({ where: { id: listenKeyId }, select: { expiresAt: true, apiKey: { select: { revokedAt: true } } } });
  return row !== null && isLive(row, now);
}
