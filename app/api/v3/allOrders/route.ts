import { binanceSigned } from "@/lib/binance/handler";
import { limitParam } from "@/lib/binance/limit-param";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { listAllBinanceOrders } from "@/lib/binance/query-binance-orders";
import { timeRangeParam } from "@/lib/binance/time-range-param";

export const dynamic = "force-dynamic";

// GET /api/v3/allOrders?symbol=[&orderId=&startTime=&endTime=&limit=] – the pair's orders, any status
export const GET = binanceSigned("USER_DATA", { weight: 20 }, async ({ params, portfolio }) =>
  listAllBinanceOrders({
    portfolioId: portfolio.id,
    symbol: params.symbol().symbol,
    fromOrderNo: params.int("orderId"),
    ...timeRangeParam(params),
    limit: limitParam(params, 500, 1000),
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
