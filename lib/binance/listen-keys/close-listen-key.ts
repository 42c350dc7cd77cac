// DELETE /api/v3/userDataStream?listenKey= – closes the stream: the listenKey stops at once, its open
// sockets get listenKeyExpired, in this process and (through the event relay) in every other.
import { prisma } from "@/lib/db";
import { marketEvents } from "@/lib/market/events";
import { hashOfListenKey, listenKeyNotFound } from "./listen-key";

export async function closeListenKey(apiKeyId: string, listenKey: string): Promise<Record<string, never>> {
  const row = await prisma.listenKey.findFirst({ where: { apiKeyId, keyHash: hashOfListenKey(listenKey) }, select: { id: true } });
  const gone = row ? await prisma.listenKey.deleteMany({ where: { id: row.id } }) : { count: 0 };
  if (gone.count !== 1) throw listenKeyNotFound();
  marketEvents.emit("listen-key-closed", { listenKeyId: row!.id });
  return {};
}
