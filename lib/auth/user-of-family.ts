// The one revocation check shared by access tokens and browser sessions: a family that exists, belongs to
// the user and has not been revoked. Runs on every authenticated request, hence one raw indexed read.
import { selectRows } from "@/lib/atomic";
import type { AuthUser } from "./auth-user";

/** The user a live token family belongs to, or null when it is unknown, someone else's or revoked. */
export async function userOfFamily(userId: string, familyId: string): Promise<AuthUser | null> {
  const [row] = await selectRows<{ email: string }>(
    `SELECT u."email" FROM "TokenFamily" f JOIN "User" u ON u."id" = f."userId" WHERE f."id" = ? AND f."userId" = ? AND f."revokedAt" IS NULL`,
    [familyId, userId],
  );
  return row ? { id: userId, email: row.email, familyId } : null;
}
