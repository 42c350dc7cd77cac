// Who is on a /ws socket: an access token (checked for revocation too, so logout ends live updates) or a
// browser's session cookie. Any failure means "not signed in".
import { authenticateToken } from "@/lib/auth/authenticate-request";
import { authenticateCookie } from "@/lib/auth/authenticate-cookie";
import type { WsAuth } from "./ws-server";

export const wsAuth: WsAuth = {
  async authenticate(token: string) {
    try {
      return { userId: (await authenticateToken(token)).id };
    } catch {
      return null;
    }
  },
  async authenticateCookie(cookieHeader: string) {
    try {
      const user = await authenticateCookie(cookieHeader);
      return user ? { userId: user.id } : null;
    } catch {
      return null;
    }
  },
};
