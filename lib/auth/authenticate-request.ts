// Who is calling: a valid access token whose family has not been revoked (logout, password change,
// refresh-token reuse). Revocation lives in the database, so it survives restarts.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import { bearerToken, verifyAccessToken } from "./tokens";

export interface AuthUser {
  id: string;
  email: string;
  familyId: string;
}

export async function authenticateToken(token: string): Promise<AuthUser> {
  const claims = await verifyAccessToken(token);
  const family = await prisma.tokenFamily.findUnique({
    where: { id: claims.familyId },
    select: { userId: true, revokedAt: true, user: { select: { email: true } } },
  });
  if (!family || family.revokedAt || family.userId !== claims.userId) {
    throw new AppError("UNAUTHENTICATED", "The access token has been revoked. Please log in again.");
  }
  return { id: claims.userId, email: family.user.email, familyId: claims.familyId };
}

export function authenticateRequest(req: Request): Promise<AuthUser> {
  return authenticateToken(bearerToken(req));
}
