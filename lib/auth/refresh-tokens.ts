// GET /api/reauth – trade a refresh token for a new pair. Each refresh token works once: presenting a used
// one means it leaked, so its whole family (every access and refresh token from that login) is revoked.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import { verifyRefreshToken } from "./tokens";
import { issueTokenPair } from "./issue-token-pair";
import { revokeFamilies } from "./revoke-families";

const revoked = () => new AppError("UNAUTHENTICATED", "The refresh token is no longer valid. Please log in again.");

export async function refreshTokens({ refreshToken }: { refreshToken: string }) {
  const claims = await verifyRefreshToken(refreshToken);
  const row = await prisma.refreshToken.findUnique({
    where: { jti: claims.jti },
    select: { familyId: true, usedAt: true, family: { select: { userId: true, revokedAt: true } } },
  });
  if (!row || row.family.revokedAt || row.family.userId !== claims.userId) throw revoked();
  // Conditional: of two concurrent refreshes with the same token, one wins and the other is a reuse.
  const { count } = await prisma.refreshToken.updateMany({ where: { jti: claims.jti, usedAt: null }, data: { usedAt: new Date() } });
  if (count !== 1) {
    await revokeFamilies({ userId: claims.userId, familyId: row.familyId });
    throw revoked();
  }
  return issueTokenPair(claims.userId, row.familyId);
}
