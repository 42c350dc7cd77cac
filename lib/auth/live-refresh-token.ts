// The checks both refresh endpoints share: a signed, unexpired refresh JWT whose row exists and whose login
// (token family) belongs to its user and has not ended. A token already rotated away is a reuse: its
// family is revoked here, whichever endpoint it was presented to.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { verifyRefreshToken, type TokenClaims } from "./tokens";
import { revokeFamilies } from "./revoke-families";

export const refreshRevoked = () => new DomainError("UNAUTHENTICATED", "The refresh token is no longer valid. Please log in again.");

export async function liveRefreshToken(refreshToken: string): Promise<{ claims: TokenClaims; familyId: string }> {
  const claims = await verifyRefreshToken(refreshToken);
  const row = await prisma.refreshToken.findUnique({
    where: { jti: claims.jti },
    select: { familyId: true, usedAt: true, family: { select: { userId: true, revokedAt: true } } },
  });
  if (!row || row.family.revokedAt || row.family.userId !== claims.userId || row.familyId !== claims.familyId) throw refreshRevoked();
  if (row.usedAt) {
    await revokeFamilies({ userId: claims.userId, familyId: row.familyId });
    throw refreshRevoked();
  }
  return { claims, familyId: row.familyId };
}
