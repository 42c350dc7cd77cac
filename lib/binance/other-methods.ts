// The answer for an HTTP method a /api/v3 route does not implement, in the Binance dialect: 405 with
// Allow and {code:-1020, msg}. OPTIONS lists the route's methods and answers a CORS preflight.
//   export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
import { withCors } from "@/lib/api/cors";
import { allowHeader, type Method } from "@/lib/api/method-not-allowed";
import { BinanceError, binanceErrorResponse, MSG } from "./errors";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Handler = (req: Request) => Response;

export function binanceOtherMethods(...implemented: Method[]): Record<Method, Handler> {
  const allow = allowHeader(implemented);
  const refuse: Handler = (req) => withCors(req, binanceErrorResponse(new BinanceError(-1020, MSG.unsupported, 405, { allow })));
  const options: Handler = (req) => withCors(req, new Response(null, { status: 204, headers: { allow } }));
  return Object.fromEntries(METHODS.map((m) => [m, m === "OPTIONS" ? options : refuse])) as Record<Method, Handler>;
}
