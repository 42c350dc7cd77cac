import { withPublic } from "@/lib/api/handler";
import { getKlines, parseKlinesQuery } from "@/lib/market/get-klines";
import { otherMethods } from "@/lib/api/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/klines?symbol=&interval=&limit= – cached candles, never fetched from Binance per request
export const GET = withPublic(async ({ req }) => getKlines(parseKlinesQuery(new URL(req.url).searchParams)));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
