import { binanceSigned } from "@/lib/binance/handler";
import { limitParam } from "@/lib/binance/limit-param";
import { listBinanceTrades } from "@/lib/binance/list-binance-trades";
import { myTradesQuery } from "@/lib/binance/my-trades-params";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /api/v3/myTrades?symbol=[&orderId=&startTime=&endTime=&fromId=&limit=] – the pair's fills
export const GET = binanceSigned("USER_DATA", { weight: (p) => (p.has("orderId") ? 5 : 20) }, async ({ params, portfolio }) =>
  listBinanceTrades({ portfolioId: portfolio.id, ...myTradesQuery(params), limit: limitParam(params, 500, 1000) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
