import { BinanceError } from "@/lib/binance/errors";
import { exchangeInfo } from "@/lib/binance/exchange-info";
import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /api/v3/exchangeInfo?symbol= | symbols=[...] – the pairs, their filters and the rate limits
export const GET = binancePublic({ weight: 20 }, async ({ params }) => {
  if (params.has("symbol") && params.has("symbols")) throw new BinanceError(-1128, "Combination of optional parameters invalid.");
  const one = params.optionalSymbol();
  return exchangeInfo(one ? [one] : params.symbols());
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
