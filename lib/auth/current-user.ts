// The signed-in user of the page being rendered (server components), from the request's cookies.
import { cookies } from "next/headers";
import { authenticateCookie } from "./authenticate-cookie";
import type { AuthUser } from "./authenticate-request";

/** The page's user, or null when signed out or the session was revoked. */
export async function currentUser(): Promise<AuthUser | null> {
  const jar = await cookies();
  const header = jar.getAll().map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");
  return authenticateCookie(header);
}
