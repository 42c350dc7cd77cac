import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /sapi/v1/margin/isolated/allPairs – no margin trading here: an empty list (ccxt's fetchMargins)
export const GET = binanceSigned("USER_DATA", { weight: 1 }, async () => []);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
