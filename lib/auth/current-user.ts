// The signed-in user of the page being rendered (server components), from the request's cookies.
import { cookies } from "next/headers";
import { prisma } from "@/lib/db";
import { authenticateCookie } from "./authenticate-cookie";
import type { AuthUser } from "./auth-user";

export interface PageUser extends AuthUser {
  name: string;
}

/** The page's user with their display name, or null when signed out or the session was revoked. */
export async function currentUser(): Promise<PageUser | null> {
  const jar = await cookies();
  const header = jar.getAll().map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");
  const user = await authenticateCookie(header);
  if (!user) return null;
  // Read the name each time: the profile page can change it, the session cookie would keep the old one.
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { name: true } });
  return row ? { ...user, name: row.name } : null;
}
