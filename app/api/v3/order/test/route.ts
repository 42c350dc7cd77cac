import { binanceSigned } from "@/lib/binance/handler";
import { parseNewOrder } from "@/lib/binance/new-order-params";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { testBinanceOrder } from "@/lib/binance/place-binance-order";

export const dynamic = "force-dynamic";

// POST /api/v3/order/test – validate an order like POST order, all but the balance; nothing is placed
export const POST = binanceSigned("TRADE", { weight: (p) => (p.get("computeCommissionRates") === "true" ? 20 : 1) }, async ({ params, portfolio }) =>
  testBinanceOrder({ portfolio, order: parseNewOrder(params), computeCommissionRates: params.bool("computeCommissionRates") }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("POST");
