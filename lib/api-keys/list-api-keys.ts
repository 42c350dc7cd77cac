// GET /api/keys – the user's active API keys, oldest first, without secrets.
import { prisma } from "@/lib/db";
import { API_KEY_SELECT, asApiKeyRecord, type ApiKeyRecord } from "./api-key-record";

export async function listApiKeys({ userId }: { userId: string }): Promise<ApiKeyRecord[]> {
  const rows = await prisma.apiKey.findMany({ where: { userId, revokedAt: null }, select: API_KEY_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(asApiKeyRecord);
}
