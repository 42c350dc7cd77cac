// Ends logins (token families): one of a user's, or all of them but one (password change), or all (reset).
// Their tokens and browser sessions stop working at once, and the /ws server of this process closes their
// sockets at once (other processes notice on their periodic re-check).
import { prisma, type Prisma } from "@/lib/db";
import { marketEvents, type SessionsRevokedEvent } from "@/lib/market/events";

type FamilyClient = Pick<Prisma, "tokenFamily">;

/** The revoking update alone, for a caller that runs it inside its own transaction (then call announceRevoked). */
export function revokeFamiliesQuery(db: FamilyClient, which: SessionsRevokedEvent) {
  const { userId, familyId, exceptFamilyId } = which;
  return db.tokenFamily.updateMany({
    where: { userId, revokedAt: null, ...(familyId !== undefined ? { id: familyId } : exceptFamilyId !== undefined ? { id: { not: exceptFamilyId } } : {}) },
    data: { revokedAt: new Date() },
  });
}

/** Tell this process's /ws server, after the revocation has committed. */
export function announceRevoked(which: SessionsRevokedEvent): void {
  marketEvents.emit("sessions-revoked", which);
}

export async function revokeFamilies(which: SessionsRevokedEvent): Promise<void> {
  await revokeFamiliesQuery(prisma, which);
  announceRevoked(which);
}
