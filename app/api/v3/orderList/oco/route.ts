import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { parseOco, placeBinanceOco } from "@/lib/binance/place-binance-oco";

export const dynamic = "force-dynamic";

// POST /api/v3/orderList/oco – one-cancels-the-other: a LIMIT_MAKER leg and a stop leg under one lock
export const POST = binanceSigned("TRADE", { weight: 1, orders: 2 }, async ({ params, portfolio, recheckTiming }) =>
  placeBinanceOco({ portfolio, oco: parseOco(params), beforeLedger: recheckTiming }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("POST");
