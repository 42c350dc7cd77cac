// POST /api/password/change – needs the current password; the token used stays valid, every other
// login (token family) is signed out and every outstanding reset link dies, in one transaction.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { AuthUser } from "./auth-user";
import { hashPassword, verifyPassword } from "./password-hash";
import { announceRevoked, revokeFamiliesQuery } from "./revoke-families";

export async function changePassword({ user, password, newPassword }: { user: AuthUser; password: string; newPassword: string }) {
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(row.passwordHash, password))) {
    // 403 as the original: its frontend reads a 401 as an expired session and refreshes instead.
    throw new DomainError("WRONG_PASSWORD", "The current password is incorrect.");
  }
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
    revokeFamiliesQuery(prisma, { userId: user.id, exceptFamilyId: user.familyId }),
    prisma.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } }),
  ]);
  announceRevoked({ userId: user.id, exceptFamilyId: user.familyId });
}
