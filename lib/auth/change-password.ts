// POST /api/password/change – needs the current password; the token used stays valid, every other
// login (token family) is signed out.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import type { AuthUser } from "./authenticate-request";
import { hashPassword, verifyPassword } from "./password-hash";
import { revokeFamilies } from "./revoke-families";

export async function changePassword({ user, password, newPassword }: { user: AuthUser; password: string; newPassword: string }) {
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(row.passwordHash, password))) {
    throw new AppError("INVALID_CREDENTIALS", "The current password is incorrect.");
  }
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword) } });
  await revokeFamilies({ userId: user.id, exceptFamilyId: user.familyId });
}
