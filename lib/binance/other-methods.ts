// The answer for an HTTP method a Binance-dialect route does not implement: 405 with Allow and
// {code:-1020, msg}, through the wrapper (weight 1 and its header, as every answer under these paths).
// OPTIONS lists the route's methods and answers a CORS preflight.
//   export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
import { withCors } from "@/lib/api/cors";
import { allowHeader, type Method } from "@/lib/api/method-not-allowed";
import { BinanceError, MSG } from "./errors";
import { binancePublic } from "./handler";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Handler = (req: Request) => Response | Promise<Response>;

export function binanceOtherMethods(...implemented: Method[]): Record<Method, Handler> {
  const allow = allowHeader(implemented);
  const refuse: Handler = binancePublic({ weight: 1 }, async () => {
    throw new BinanceError(-1020, MSG.unsupported, 405, { allow });
  });
  const options: Handler = (req) => withCors(req, new Response(null, { status: 204, headers: { allow } }));
  return Object.fromEntries(METHODS.map((m) => [m, m === "OPTIONS" ? options : refuse])) as Record<Method, Handler>;
}
