// POST /api/token/refresh – trade a refresh token for a new pair. Each token rotates once: presenting a
// rotated one means it leaked, so its whole family (every access and refresh token of that login) is revoked.
import { prisma } from "@/lib/db";
import { issueTokenPair } from "./issue-token-pair";
import { revokeFamilies } from "./revoke-families";
import { liveRefreshToken, refreshRevoked } from "./live-refresh-token";

export async function rotateRefreshToken({ refreshToken }: { refreshToken: string }) {
  const { claims, familyId } = await liveRefreshToken(refreshToken);
  // Conditional: of two concurrent rotations of the same token, one wins and the other is a reuse.
  const { count } = await prisma.refreshToken.updateMany({ where: { jti: claims.jti, usedAt: null }, data: { usedAt: new Date() } });
  if (count !== 1) {
    await revokeFamilies({ userId: claims.userId, familyId });
    throw refreshRevoked();
  }
  return issueTokenPair(claims.userId, familyId);
}
