// A fresh access + refresh pair inside a family, recording the refresh token so it can be used once.
import { prisma } from "@/lib/db";
import { signAccessToken, signRefreshToken } from "./tokens";

export async function issueTokenPair(userId: string, familyId: string): Promise<{ access_token: string; refresh_token: string }> {
  const access = await signAccessToken(userId, familyId);
  const refresh = await signRefreshToken(userId, familyId);
  await prisma.refreshToken.create({ data: { jti: refresh.claims.jti, familyId, expiresAt: refresh.claims.expiresAt } });
  return { access_token: access.token, refresh_token: refresh.token };
}
