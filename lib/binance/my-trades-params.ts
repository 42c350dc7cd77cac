// GET /api/v3/myTrades's parameters, in Binance's supported combinations: symbol alone, or with orderId,
// startTime, endTime, fromId, startTime+endTime (≤ 24 h, else -1127), orderId+fromId; any other: -1128.
import { BinanceError } from "./errors";
import type { BinanceParams } from "./params";
import { timeRangeParam } from "./time-range-param";

export function myTradesQuery(p: BinanceParams) {
  const symbol = p.symbol().symbol;
  const orderNo = p.int("orderId");
  const fromTradeId = p.int("fromId");
  const { startTime, endTime } = timeRangeParam(p);
  const timed = startTime !== undefined || endTime !== undefined;
  if (timed && (orderNo !== undefined || fromTradeId !== undefined)) {
    throw new BinanceError(-1128, "Combination of optional parameters invalid.");
  }
  return { symbol, orderNo, fromTradeId, startTime, endTime };
}
