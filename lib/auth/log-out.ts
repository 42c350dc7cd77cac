// POST /api/logout – revoke the family of the access token used: it and its refresh tokens stop working.
import { prisma } from "@/lib/db";
import type { AuthUser } from "./authenticate-request";

export async function logOut({ user }: { user: AuthUser }): Promise<void> {
  await prisma.tokenFamily.updateMany({ where: { id: user.familyId, userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
}
