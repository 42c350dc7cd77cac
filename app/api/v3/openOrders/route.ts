import { cancelAllBinanceOrders } from "@/lib/binance/cancel-binance-orders";
import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { listOpenBinanceOrders } from "@/lib/binance/query-binance-orders";

export const dynamic = "force-dynamic";

// DELETE /api/v3/openOrders?symbol= – cancel every open order of the pair, order lists included
export const DELETE = binanceSigned("TRADE", { weight: 1 }, async ({ params, portfolio }) => cancelAllBinanceOrders({ portfolioId: portfolio.id, pair: params.symbol() }));

// GET /api/v3/openOrders[?symbol=] – the open orders of one pair, or of all (weight 80)
export const GET = binanceSigned("USER_DATA", { weight: (p) => (p.has("symbol") ? 6 : 80) }, async ({ params, portfolio }) =>
  listOpenBinanceOrders({ portfolioId: portfolio.id, pair: params.optionalSymbol() }),
);

export const { POST, PUT, PATCH, OPTIONS } = binanceOtherMethods("GET", "DELETE");
