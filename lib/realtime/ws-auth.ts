// Who is on a /ws socket: an access token (checked for revocation too, so logout ends live updates) or a
// browser's session cookie, and whether that login is still alive (the server re-checks open sockets).
// Any failure means "not signed in". The socket follows one portfolio: the one named in the auth message
// (a token client), else the browser's switcher cookie (a stale one: main), else the main one. Also loads
// the portfolio's orders for live {"type":"order"} messages.
import { authenticateToken } from "@/lib/auth/authenticate-request";
import { authenticateCookie } from "@/lib/auth/authenticate-cookie";
import { userOfFamily } from "@/lib/auth/user-of-family";
import { presentOrder } from "@/lib/api/order-presenter";
import { portfolioCookieOf } from "@/lib/portfolio/portfolio-cookie";
import { resolvePortfolio } from "@/lib/portfolio/resolve-portfolio";
import { getOrder } from "@/lib/trading/get-orders";
import type { WsAuth } from "./ws-server";

export const wsAuth: WsAuth = {
  async authenticate(token: string, portfolio?: string) {
    try {
      const user = await authenticateToken(token);
      const scope = await resolvePortfolio(user.id, portfolio);
      return { userId: user.id, portfolioId: scope.id, familyId: user.familyId };
    } catch {
      return null;
    }
  },
  async authenticateCookie(cookieHeader: string) {
    try {
      const user = await authenticateCookie(cookieHeader);
      if (!user) return null;
      const scope = await resolvePortfolio(user.id, portfolioCookieOf(cookieHeader)).catch(() => null);
      return { userId: user.id, portfolioId: scope?.id ?? user.id, familyId: user.familyId };
    } catch {
      return null;
    }
  },
  async isLive({ userId, familyId }) {
    return (await userOfFamily(userId, familyId)) !== null;
  },
  async loadOrder(portfolioId: string, orderId: string) {
    try {
      return presentOrder(await getOrder({ portfolioId, orderId }));
    } catch {
      return null;
    }
  },
};
