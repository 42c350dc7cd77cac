// The one revocation check shared by access tokens and browser sessions: a family that exists, belongs to
// the user and has not been revoked.
import { prisma } from "@/lib/db";
import type { AuthUser } from "./authenticate-request";

/** The user a live token family belongs to, or null when it is unknown, someone else's or revoked. */
export async function userOfFamily(userId: string, familyId: string): Promise<AuthUser | null> {
  const family = await prisma.tokenFamily.findUnique({
    where: { id: familyId },
    select: { userId: true, revokedAt: true, user: { select: { email: true } } },
  });
  if (!family || family.revokedAt || family.userId !== userId) return null;
  return { id: userId, email: family.user.email, familyId };
}
