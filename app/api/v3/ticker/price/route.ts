import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { pairsParam } from "@/lib/binance/pairs-param";
import { tickerPrices } from "@/lib/binance/tickers";

export const dynamic = "force-dynamic";

// GET /api/v3/ticker/price?symbol= | symbols=[...] – last prices
export const GET = binancePublic({ weight: (p) => (p.has("symbol") ? 2 : 4) }, async ({ params }) => tickerPrices(...pairsParam(params)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
