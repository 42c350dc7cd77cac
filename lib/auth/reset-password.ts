// POST /api/password/reset – a valid, unused, unexpired link sets a new password and signs out everywhere.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import { hashPassword } from "./password-hash";
import { hashResetToken } from "./request-password-reset";
import { revokeFamilies } from "./revoke-families";

export async function resetPassword({ token, newPassword }: { token: string; newPassword: string }): Promise<void> {
  const invalid = new AppError("INVALID_TOKEN", "This reset link is invalid, expired or already used. Ask for a new one.");
  const reset = await prisma.passwordReset.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { id: true, userId: true } });
  if (!reset) throw invalid;
  const { count } = await prisma.passwordReset.updateMany({
    where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) throw invalid;
  await prisma.user.update({ where: { id: reset.userId }, data: { passwordHash: await hashPassword(newPassword) } });
  await revokeFamilies({ userId: reset.userId });
}
