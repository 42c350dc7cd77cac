// Next 16's proxy (formerly middleware). /api: CORS for the origins in CORS_ORIGINS (lib/api/cors.ts) -
// preflights answered here, every other answer (errors and the catch-all 404 included) gets the headers;
// the API authenticates itself and answers 401 JSON. Signed-in pages: signed-out visitors go to /login
// with a callbackUrl; it only verifies the session JWT, the pages also check the token family.
// /ws is never intercepted.
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { env } from "@/lib/env";
import { allowedOrigin, corsHeaders, isPreflight } from "@/lib/api/cors";

const pageGuard = withAuth({ secret: env.AUTH_SECRET, pages: { signIn: "/login" } });

function api(req: NextRequest): NextResponse {
  const headers = corsHeaders(req);
  if (isPreflight(req) && allowedOrigin(req)) return new NextResponse(null, { status: 204, headers });
  const res = NextResponse.next();
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

export default function proxy(req: NextRequest, event: NextFetchEvent) {
  if (req.nextUrl.pathname === "/api" || req.nextUrl.pathname.startsWith("/api/")) return api(req);
  return pageGuard(req as NextRequestWithAuth, event);
}

export const config = {
  matcher: [
    "/api/:path*",
    "/dashboard/:path*",
    "/wallet/:path*",
    "/orders/:path*",
    "/leaderboard/:path*",
    "/profile/:path*",
    "/news/:path*",
    "/predict/:path*",
  ],
};
