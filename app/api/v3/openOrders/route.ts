import { cancelAllBinanceOrders } from "@/lib/binance/cancel-binance-orders";
import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// DELETE /api/v3/openOrders?symbol= – cancel every open order of the pair, order lists included
export const DELETE = binanceSigned("TRADE", { weight: 1 }, async ({ params, userId }) => cancelAllBinanceOrders({ userId, pair: params.symbol() }));

export const { GET, POST, PUT, PATCH, OPTIONS } = binanceOtherMethods("DELETE");
