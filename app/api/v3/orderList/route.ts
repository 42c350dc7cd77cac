import { cancelBinanceOrderList } from "@/lib/binance/cancel-binance-orders";
import { binanceSigned } from "@/lib/binance/handler";
import { orderListHandle, orderListQueryHandle } from "@/lib/binance/order-handle";
import { getBinanceOrderList } from "@/lib/binance/query-order-lists";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// DELETE /api/v3/orderList?symbol=&orderListId= | listClientOrderId= – cancel an OCO (both legs)
export const DELETE = binanceSigned("TRADE", { weight: 1 }, async ({ params, portfolio }) => cancelBinanceOrderList({ portfolioId: portfolio.id, ...orderListHandle(params) }));

// GET /api/v3/orderList?orderListId= | origClientOrderId= – one OCO, any status (unknown: -2013)
export const GET = binanceSigned("USER_DATA", { weight: 4 }, async ({ params, portfolio }) => getBinanceOrderList({ portfolioId: portfolio.id, ...orderListQueryHandle(params) }));

export const { POST, PUT, PATCH, OPTIONS } = binanceOtherMethods("GET", "DELETE");
