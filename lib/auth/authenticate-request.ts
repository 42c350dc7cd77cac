// Who is calling: a valid access token whose family has not been revoked (logout, password change,
// refresh-token reuse), or, without an Authorization header, the browser's next-auth session cookie.
// Revocation lives in the database, so it survives restarts.
import { DomainError } from "@/lib/domain-error";
import type { AuthUser } from "./auth-user";
import { bearerToken, verifyAccessToken } from "./tokens";
import { authenticateCookie } from "./authenticate-cookie";
import { userOfFamily } from "./user-of-family";


export async function authenticateToken(token: string): Promise<AuthUser> {
  const claims = await verifyAccessToken(token);
  const user = await userOfFamily(claims.userId, claims.familyId);
  if (!user) throw new DomainError("UNAUTHENTICATED", "The access token has been revoked. Please log in again.");
  return user;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Cookies ride along on cross-site requests; a state-changing request with a foreign Origin is refused
// (CSRF). Browsers send Origin on every cross-origin POST/PUT/PATCH/DELETE, so a missing one is same-site.
function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Bearer token first (API clients); else the session cookie (the browser UI, CSRF-checked). */
export async function authenticateRequest(req: Request): Promise<AuthUser> {
  if (req.headers.has("authorization")) return authenticateToken(bearerToken(req));
  const cookie = req.headers.get("cookie");
  if (cookie) {
    const user = await authenticateCookie(cookie);
    if (user) {
      if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
        throw new DomainError("FORBIDDEN", "Cross-site requests with the session cookie are refused.");
      }
      return user;
    }
  }
  // Same message as before for clients that sent nothing.
  return authenticateToken(bearerToken(req));
}
