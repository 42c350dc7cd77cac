// Who is on a /ws socket: an access token (checked for revocation too, so logout ends live updates) or a
// browser's session cookie, and whether that login is still alive (the server re-checks open sockets).
// Any failure means "not signed in". Also loads the user's orders for live {"type":"order"} messages.
import { authenticateToken } from "@/lib/auth/authenticate-request";
import { authenticateCookie } from "@/lib/auth/authenticate-cookie";
import { userOfFamily } from "@/lib/auth/user-of-family";
import { presentOrder } from "@/lib/api/order-presenter";
import { getOrder } from "@/lib/trading/get-orders";
import type { WsAuth } from "./ws-server";

export const wsAuth: WsAuth = {
  async authenticate(token: string) {
    try {
      const user = await authenticateToken(token);
      return { userId: user.id, familyId: user.familyId };
    } catch {
      return null;
    }
  },
  async authenticateCookie(cookieHeader: string) {
    try {
      const user = await authenticateCookie(cookieHeader);
      return user ? { userId: user.id, familyId: user.familyId } : null;
    } catch {
      return null;
    }
  },
  async isLive({ userId, familyId }) {
    return (await userOfFamily(userId, familyId)) !== null;
  },
  async loadOrder(userId: string, orderId: string) {
    try {
      return presentOrder(await getOrder({ userId, orderId }));
    } catch {
      return null;
    }
  },
};
