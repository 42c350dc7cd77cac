import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { avgPrice } from "@/lib/binance/tickers";

export const dynamic = "force-dynamic";

// GET /api/v3/avgPrice?symbol= – the mean trade price of the last 5 minutes
export const GET = binancePublic({ weight: 2 }, async ({ params }) => avgPrice(params.symbol()));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
