import { cancelBinanceOrder } from "@/lib/binance/cancel-binance-orders";
import { binanceSigned } from "@/lib/binance/handler";
import { parseNewOrder } from "@/lib/binance/new-order-params";
import { orderHandle } from "@/lib/binance/order-handle";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { placeBinanceOrder } from "@/lib/binance/place-binance-order";
import { getBinanceOrder } from "@/lib/binance/query-binance-orders";

export const dynamic = "force-dynamic";

// POST /api/v3/order – place an order (TRADE): MARKET, LIMIT, LIMIT_MAKER, STOP_LOSS(_LIMIT), TAKE_PROFIT(_LIMIT)
export const POST = binanceSigned("TRADE", { weight: 1, orders: 1 }, async ({ params, portfolio, recheckTiming }) =>
  placeBinanceOrder({ portfolio, order: parseNewOrder(params), beforeLedger: recheckTiming }),
);

// DELETE /api/v3/order?symbol=&orderId= | origClientOrderId= – cancel an open order (an OCO leg: its list)
export const DELETE = binanceSigned("TRADE", { weight: 1 }, async ({ params, portfolio }) => cancelBinanceOrder({ portfolioId: portfolio.id, ...orderHandle(params) }));

// GET /api/v3/order?symbol=&orderId= | origClientOrderId= – one order, any status (unknown: -2013)
export const GET = binanceSigned("USER_DATA", { weight: 4, notFound: "query" }, async ({ params, portfolio }) => getBinanceOrder({ portfolioId: portfolio.id, ...orderHandle(params) }));

export const { PUT, PATCH, OPTIONS } = binanceOtherMethods("GET", "POST", "DELETE");
