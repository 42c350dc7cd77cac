// The answer for an HTTP method a route does not implement: the JSON error shape with `Allow`, instead of
// Next's empty 405. Each app/api/**/route.ts exports the methods it does not implement from here, e.g.
//   export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
// (tests/integration/hardening-web.test.ts walks every route file and checks that each one does).
import { withCors } from "./cors";
import { AppError, errorResponse } from "./errors";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];
type Handler = (req: Request) => Response;

/** The Allow header value for a route implementing `implemented` (GET brings HEAD; OPTIONS always). */
export function allowHeader(implemented: readonly Method[]): string {
  const allow = new Set<Method>([...implemented, "OPTIONS"]);
  if (allow.has("GET")) allow.add("HEAD");
  return [...allow].sort().join(", ");
}

/** Handlers for every method but `implemented`: a JSON 405 naming the allowed ones, and OPTIONS listing them. */
export function otherMethods(...implemented: Method[]): Record<Method, Handler> {
  const allow = allowHeader(implemented);
  const refuse: Handler = (req) =>
    withCors(
      req,
      errorResponse(
        new AppError("METHOD_NOT_ALLOWED", `${req.method} is not allowed on ${new URL(req.url).pathname}; use ${allow}.`, undefined, { allow }),
      ),
    );
  // OPTIONS: the route's methods, and a CORS preflight's answer for an origin in CORS_ORIGINS.
  const options: Handler = (req) => withCors(req, new Response(null, { status: 204, headers: { allow } }));
  return Object.fromEntries(METHODS.map((m) => [m, m === "OPTIONS" ? options : refuse])) as Record<Method, Handler>;
}
