// GET /api/v3/myTrades – the user's fills on a pair as Binance's trade rows, oldest first. Fills are whole,
// so a trade is a filled order and its id is the order number: `fromId` is an order number too.
import { listOrdersByNumber } from "@/lib/trading/list-orders-by-number";
import { orderListIdsOf } from "./order-list-ids";
import { presentTrade } from "./present-trade";

export interface TradesQuery {
  portfolioId: string;
  symbol: string;
  orderNo?: number;
  fromTradeId?: number;
  startTime?: number;
  endTime?: number;
  limit: number;
}

export async function listBinanceTrades({ fromTradeId, ...q }: TradesQuery) {
  const trades = await listOrdersByNumber({ ...q, fromOrderNo: fromTradeId, status: "FILLED", timeOf: "closedAt" });
  const listId = await orderListIdsOf(q.portfolioId, trades);
  return trades.map((t) => presentTrade(t, listId(t)));
}
