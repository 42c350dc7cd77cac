// POST /api/password/reset – a valid, unused, unexpired link sets a new password and signs out everywhere.
// Using one link kills every other outstanding link of the user and revokes all their API keys, in the same
// transaction (the old password may have leaked, and a key made with it must not outlive it).
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { hashPassword } from "./password-hash";
import { hashResetToken } from "./request-password-reset";
import { announceRevoked, revokeFamiliesQuery } from "./revoke-families";
import { announceKeysRevoked, revokeAllApiKeys } from "@/lib/api-keys/revoke-api-key";

export async function resetPassword({ token, newPassword }: { token: string; newPassword: string }): Promise<void> {
  const invalid = new DomainError("INVALID_TOKEN", "This reset link is invalid, expired or already used. Ask for a new one.");
  const reset = await prisma.passwordReset.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { id: true, userId: true } });
  if (!reset) throw invalid;
  const passwordHash = await hashPassword(newPassword);
  const revokedKeys = await prisma.$transaction(async (tx) => {
    const now = new Date();
    // The one conditional step that decides a race between two uses of this link (or of two links).
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw invalid;
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await revokeFamiliesQuery(tx, { userId: reset.userId });
    return revokeAllApiKeys(tx, reset.userId);
  });
  announceRevoked({ userId: reset.userId });
  announceKeysRevoked(reset.userId, revokedKeys);
}
