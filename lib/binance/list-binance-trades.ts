// GET /api/v3/myTrades – the user's fills on a pair as Binance's trade rows.
import { listTrades, type TradesQuery } from "@/lib/trading/list-trades";
import { orderListIdsOf } from "./order-list-ids";
import { presentTrade } from "./present-trade";

export async function listBinanceTrades(q: TradesQuery) {
  const trades = await listTrades(q);
  const listId = await orderListIdsOf(q.userId, trades);
  return trades.map((t) => presentTrade(t, listId(t)));
}
