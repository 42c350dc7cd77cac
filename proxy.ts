// Next 16's proxy (formerly middleware): signed-out visitors of the signed-in pages go to /login with a
// callbackUrl. It only verifies the session JWT; the pages and the API also check the token family is
// not revoked. /api and /ws are never intercepted: the API answers 401 JSON and its CORS headers itself
// (lib/api/cors.ts) - a proxy matching /api would make Next buffer and drain every request body first.
import { withAuth } from "next-auth/middleware";
import { env } from "@/lib/env";

export default withAuth({ secret: env.AUTH_SECRET, pages: { signIn: "/login" } });

export const config = {
  matcher: [
    "/dashboard/:path*",
    "/wallet/:path*",
    "/orders/:path*",
    "/leaderboard/:path*",
    "/profile/:path*",
    "/news/:path*",
    "/predict/:path*",
    "/portfolios/:path*",
    "/competitions/:path*",
  ],
};
