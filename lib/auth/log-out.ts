// POST /api/logout – revoke the family of the access token used: it and its refresh tokens stop working.
import type { AuthUser } from "./auth-user";
import { revokeFamilies } from "./revoke-families";

export async function logOut({ user }: { user: AuthUser }): Promise<void> {
  await revokeFamilies({ userId: user.id, familyId: user.familyId });
}
