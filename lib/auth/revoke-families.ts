// Ends logins (token families): one of a user's, or all of them but one (password change), or all (reset).
// Their tokens and browser sessions stop working at once, and the /ws server of this process closes their
// sockets at once (other processes notice on their periodic re-check).
import { prisma } from "@/lib/db";
import { marketEvents, type SessionsRevokedEvent } from "@/lib/market/events";

export async function revokeFamilies(which: SessionsRevokedEvent): Promise<void> {
  const { userId, familyId, exceptFamilyId } = which;
  await prisma.tokenFamily.updateMany({
    where: { userId, revokedAt: null, ...(familyId !== undefined ? { id: familyId } : exceptFamilyId !== undefined ? { id: { not: exceptFamilyId } } : {}) },
    data: { revokedAt: new Date() },
  });
  marketEvents.emit("sessions-revoked", which);
}
