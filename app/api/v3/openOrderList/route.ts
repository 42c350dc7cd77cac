import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { listOpenOrderLists } from "@/lib/binance/query-order-lists";

export const dynamic = "force-dynamic";

// GET /api/v3/openOrderList – the account's OCOs with a leg still open
export const GET = binanceSigned("USER_DATA", { weight: 6 }, async ({ portfolio }) => listOpenOrderLists({ portfolioId: portfolio.id }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
