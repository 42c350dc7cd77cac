import { binancePublic } from "@/lib/binance/handler";
import { badInterval, binanceKlines, isKlineInterval } from "@/lib/binance/klines";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { limitParam } from "@/lib/binance/limit-param";

export const dynamic = "force-dynamic";

// GET /api/v3/klines?symbol=&interval=&startTime=&endTime=&limit= – candles as Binance's 12-element rows
export const GET = binancePublic({ weight: 2 }, async ({ params }) => {
  const pair = params.symbol();
  const interval = params.required("interval");
  if (!isKlineInterval(interval)) throw badInterval();
  return binanceKlines({ pair, interval, startTime: params.int("startTime"), endTime: params.int("endTime"), limit: limitParam(params, 500, 1000) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
