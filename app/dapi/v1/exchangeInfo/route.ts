import { emptyExchangeInfo } from "@/lib/binance/exchange-info";
import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET exchangeInfo of the futures APIs: Binance's shape, no symbols (only spot is offered; ccxt's default loadMarkets asks)
export const GET = binancePublic({ weight: 1 }, async () => emptyExchangeInfo());

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
