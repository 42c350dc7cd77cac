import { binanceSigned } from "@/lib/binance/handler";
import { limitParam } from "@/lib/binance/limit-param";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { listAllOrderLists } from "@/lib/binance/query-order-lists";
import { timeRangeParam } from "@/lib/binance/time-range-param";

export const dynamic = "force-dynamic";

// GET /api/v3/allOrderList[?fromId=&startTime=&endTime=&limit=] – the account's OCOs, any status
export const GET = binanceSigned("USER_DATA", { weight: 20 }, async ({ params, portfolio }) =>
  listAllOrderLists({ portfolioId: portfolio.id, fromId: params.int("fromId"), ...timeRangeParam(params), limit: limitParam(params, 500, 1000) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
