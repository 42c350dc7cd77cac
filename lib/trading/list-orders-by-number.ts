// GET /api/v3/openOrders and allOrders – the user's orders in order-number order: from `fromOrderNo` up,
// else the newest `limit`; optionally one pair, open only, created within [startTime, endTime] (ms).
import { prisma } from "@/lib/db";
import { asRecord, ORDER_SELECT, type OrderRecord } from "./order-record";

export interface OrdersByNumberQuery {
  userId: string;
  symbol?: string;
  openOnly?: boolean;
  fromOrderNo?: number;
  startTime?: number;
  endTime?: number;
  limit: number;
}

export async function listOrdersByNumber(q: OrdersByNumberQuery): Promise<OrderRecord[]> {
  const created = q.startTime !== undefined || q.endTime !== undefined
    ? { createdAt: { ...(q.startTime !== undefined ? { gte: BigInt(q.startTime) } : {}), ...(q.endTime !== undefined ? { lte: BigInt(q.endTime) } : {}) } }
    : {};
  const rows = await prisma.order.findMany({
    where: {
      userId: q.userId,
      archived: false,
      orderNo: q.fromOrderNo !== undefined ? { gte: q.fromOrderNo } : { not: null },
      ...(q.symbol ? { symbol: q.symbol } : {}),
      ...(q.openOnly ? { status: "OPEN" } : {}),
      ...created,
    },
    select: ORDER_SELECT,
    orderBy: { orderNo: q.fromOrderNo !== undefined ? "asc" : "desc" },
    take: q.limit,
  });
  const orders = rows.map(asRecord);
  return q.fromOrderNo !== undefined ? orders : orders.reverse();
}
