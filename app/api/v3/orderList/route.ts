import { cancelBinanceOrderList } from "@/lib/binance/cancel-binance-orders";
import { binanceSigned } from "@/lib/binance/handler";
import { orderListHandle } from "@/lib/binance/order-handle";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// DELETE /api/v3/orderList?symbol=&orderListId= | listClientOrderId= – cancel an OCO (both legs)
export const DELETE = binanceSigned("TRADE", { weight: 1 }, async ({ params, userId }) => cancelBinanceOrderList({ userId, ...orderListHandle(params) }));

export const { GET, POST, PUT, PATCH, OPTIONS } = binanceOtherMethods("DELETE");
