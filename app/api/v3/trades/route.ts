import { binancePublic } from "@/lib/binance/handler";
import { limitParam } from "@/lib/binance/limit-param";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { binanceTrades } from "@/lib/binance/recent-trades";

export const dynamic = "force-dynamic";

// GET /api/v3/trades?symbol=&limit= – the latest trades the market feed saw
export const GET = binancePublic({ weight: 25 }, async ({ params }) => binanceTrades(params.symbol(), limitParam(params, 500, 1000)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
