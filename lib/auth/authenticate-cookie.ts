// Browser sessions: the next-auth session cookie (an encrypted JWT) -> the signed-in user, as long as the
// token family it carries has not been revoked (sign out, password change or reset end it everywhere).
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { parseCookies } from "@/lib/parse-cookies";
import type { AuthUser } from "./auth-user";
import { userOfFamily } from "./user-of-family";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

// next-auth splits a session cookie larger than 4 kB into name.0, name.1, ...
function sessionToken(jar: Map<string, string>): string | undefined {
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`) ?? "");
    if (chunks.length) return chunks.join("");
  }
  return undefined;
}

/**
 * The user of a Cookie header's next-auth session, or null (no cookie, bad or expired token, revoked
 * family, deleted user). Used by authenticateRequest, the pages and the /ws server's upgrade.
 */
export async function authenticateCookie(cookieHeader: string | null | undefined): Promise<AuthUser | null> {
  if (!cookieHeader) return null;
  const token = sessionToken(parseCookies(cookieHeader));
  if (!token) return null;
  let claims: Awaited<ReturnType<typeof decode>>;
  try {
    claims = await decode({ token, secret: env.AUTH_SECRET });
  } catch {
    return null;
  }
  if (!claims || typeof claims.sub !== "string" || typeof claims.fam !== "string") return null;
  if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) return null;
  return userOfFamily(claims.sub, claims.fam);
}
