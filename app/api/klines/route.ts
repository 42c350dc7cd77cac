import { withPublic } from "@/lib/api/handler";
import { getKlines, parseKlinesQuery } from "@/lib/market/get-klines";

export const dynamic = "force-dynamic";

// GET /api/klines?symbol=&interval=&limit= – cached candles, never fetched from Binance per request
export const GET = withPublic(async ({ req }) => getKlines(parseKlinesQuery(new URL(req.url).searchParams)));
