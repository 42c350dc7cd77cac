import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { pairsParam } from "@/lib/binance/pairs-param";
import { tickers24h } from "@/lib/binance/tickers";

export const dynamic = "force-dynamic";

// GET /api/v3/ticker/24hr?symbol= | symbols=[...] – rolling 24 h statistics, one object or a list
export const GET = binancePublic(
  { weight: (p) => (p.has("symbol") ? 2 : p.has("symbols") ? 40 : 80) },
  async ({ params }) => tickers24h(...pairsParam(params)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
