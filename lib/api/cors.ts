// CORS for /api: a frontend hosted on another origin (the original React app, say) may call the API with
// Bearer tokens when its origin is in CORS_ORIGINS. Never with credentials: cookies stay same-origin, and
// the CSRF check for cookie writes (authenticate-request.ts) does not look at this list. Applied by the
// route handlers themselves (handler.ts, method-not-allowed.ts, the catch-all), not by proxy.ts: a proxy
// that matches /api makes Next buffer and drain every request body before the route runs, which would
// undo the streaming body limit (lib/api/read-body.ts).
import { env } from "@/lib/env";

const ALLOWED = new Set(
  env.CORS_ORIGINS.split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter(Boolean),
);

const METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const HEADERS = "Authorization, Content-Type, X-MBX-APIKEY";
const EXPOSED = "Retry-After, X-MBX-USED-WEIGHT-1M, X-MBX-ORDER-COUNT-10S, X-MBX-ORDER-COUNT-1D";
const MAX_AGE_S = "600";

/** The request's Origin when it is on the allowlist, else null. */
export function allowedOrigin(req: Request): string | null {
  const origin = req.headers.get("origin");
  return origin && ALLOWED.has(origin) ? origin : null;
}

/** A CORS preflight: OPTIONS with Access-Control-Request-Method. */
export function isPreflight(req: Request): boolean {
  return req.method === "OPTIONS" && req.headers.has("access-control-request-method");
}

/** The headers every /api answer carries: Vary always, the rest for an allowed origin only. */
export function corsHeaders(req: Request): Record<string, string> {
  const origin = allowedOrigin(req);
  if (!origin) return { Vary: "Origin" };
  const headers: Record<string, string> = { Vary: "Origin", "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": EXPOSED };
  if (isPreflight(req)) {
    headers["Access-Control-Allow-Methods"] = METHODS;
    headers["Access-Control-Allow-Headers"] = HEADERS;
    headers["Access-Control-Max-Age"] = MAX_AGE_S;
  }
  return headers;
}

/** The same response with the CORS headers of `req` set (Vary always). */
export function withCors(req: Request, res: Response): Response {
  for (const [name, value] of Object.entries(corsHeaders(req))) res.headers.set(name, value);
  return res;
}
