// GET /api/v3/myTrades – the user's fills on a pair, oldest first. Fills are whole, so a trade is a filled
// order and its trade id is the order number: from `fromTradeId` up, else the newest `limit`; optionally
// one order, filled within [startTime, endTime] (ms).
import { prisma } from "@/lib/db";
import { asRecord, ORDER_SELECT, type OrderRecord } from "./order-record";

export interface TradesQuery {
  userId: string;
  symbol: string;
  orderNo?: number;
  fromTradeId?: number;
  startTime?: number;
  endTime?: number;
  limit: number;
}

export async function listTrades(q: TradesQuery): Promise<OrderRecord[]> {
  const closed = q.startTime !== undefined || q.endTime !== undefined
    ? { closedAt: { ...(q.startTime !== undefined ? { gte: BigInt(q.startTime) } : {}), ...(q.endTime !== undefined ? { lte: BigInt(q.endTime) } : {}) } }
    : {};
  const number = q.orderNo !== undefined ? { equals: q.orderNo } : { not: null };
  const rows = await prisma.order.findMany({
    where: {
      userId: q.userId,
      symbol: q.symbol,
      status: "FILLED",
      archived: false,
      orderNo: q.fromTradeId !== undefined ? { ...number, gte: q.fromTradeId } : number,
      ...closed,
    },
    select: ORDER_SELECT,
    orderBy: { orderNo: q.fromTradeId !== undefined ? "asc" : "desc" },
    take: q.limit,
  });
  const trades = rows.map(asRecord);
  return q.fromTradeId !== undefined ? trades : trades.reverse();
}
