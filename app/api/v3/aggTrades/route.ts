import { binancePublic } from "@/lib/binance/handler";
import { limitParam } from "@/lib/binance/limit-param";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { binanceAggTrades } from "@/lib/binance/recent-trades";

export const dynamic = "force-dynamic";

// GET /api/v3/aggTrades?symbol=&fromId=&startTime=&endTime=&limit= – the latest trades, one per aggregate
export const GET = binancePublic({ weight: 4 }, async ({ params }) =>
  binanceAggTrades(params.symbol(), {
    fromId: params.int("fromId"), startTime: params.int("startTime"), endTime: params.int("endTime"), limit: limitParam(params, 500, 1000),
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
