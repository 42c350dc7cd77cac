// POST /api/login – email + password -> a new token family. Unknown email and wrong password get the same
// answer (and take the same time); failed attempts per email are rate limited: every attempt takes a slot
// before argon2 runs (so a parallel burst cannot outrun the limit) and a successful one gives it back.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { DomainError } from "@/lib/domain-error";
import { takeHit } from "@/lib/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./password-hash";
import { issueTokenPair } from "./issue-token-pair";

/** Checks credentials; shared by the API login and the browser's next-auth sign-in. */
export async function checkCredentials(email: string, password: string): Promise<{ id: string; email: string; name: string }> {
  const limit = { key: `login-fail:${email}`, max: env.RATE_LIMIT_LOGIN, windowMs: 15 * 60_000 };
  const slot = await takeHit(limit);
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !ok) throw new DomainError("INVALID_CREDENTIALS", "The email or password is incorrect.");
  await slot.giveBack();
  return { id: user.id, email: user.email, name: user.name };
}

export async function logIn({ email, password }: { email: string; password: string }) {
  const user = await checkCredentials(email, password);
  const familyId = newId();
  await prisma.tokenFamily.create({ data: { id: familyId, userId: user.id } });
  return issueTokenPair(user.id, familyId);
}
