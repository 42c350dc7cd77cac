// The catch-alls of /api/v3, /sapi, /fapi and /dapi: 404 with Binance's -1020 (weight 1 counted), and
// OPTIONS answered for CORS.
import { withCors } from "@/lib/api/cors";
import { BinanceError, MSG } from "./errors";
import { binancePublic } from "./handler";

const notFound = binancePublic({ weight: 1 }, async () => {
  throw new BinanceError(-1020, MSG.unsupported, 404);
});

export const unknownBinancePath = {
  GET: notFound,
  POST: notFound,
  PUT: notFound,
  PATCH: notFound,
  DELETE: notFound,
  OPTIONS: (req: Request) => withCors(req, new Response(null, { status: 204 })),
};
