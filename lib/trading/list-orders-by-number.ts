// GET /api/v3/openOrders, allOrders and myTrades – the user's orders in order-number order: from
// `fromOrderNo` up, else the newest `limit`; optionally one pair, one order, one status, within
// [startTime, endTime] (ms) of their creation or (trades: filled orders) of their closing.
import { prisma } from "@/lib/db";
import { timeWindow } from "./time-window";
import { asRecord, ORDER_SELECT, type OrderRecord } from "./order-record";
import type { StoredStatus } from "./order-types";

export interface OrdersByNumberQuery {
  portfolioId: string;
  symbol?: string;
  status?: StoredStatus;
  orderNo?: number;
  fromOrderNo?: number;
  startTime?: number;
  endTime?: number;
  /** which time startTime/endTime bound (default createdAt) */
  timeOf?: "createdAt" | "closedAt";
  limit: number;
}

export async function listOrdersByNumber(q: OrdersByNumberQuery): Promise<OrderRecord[]> {
  const rows = await prisma.order.findMany({
    where: {
      portfolioId: q.portfolioId,
      archived: false,
      orderNo: { not: null, ...(q.orderNo !== undefined ? { equals: q.orderNo } : {}), ...(q.fromOrderNo !== undefined ? { gte: q.fromOrderNo } : {}) },
      ...(q.symbol ? { symbol: q.symbol } : {}),
      ...(q.status ? { status: q.status } : {}),
      [q.timeOf ?? "createdAt"]: timeWindow(q.startTime, q.endTime),
    },
    select: ORDER_SELECT,
    orderBy: { orderNo: q.fromOrderNo !== undefined ? "asc" : "desc" },
    take: q.limit,
  });
  const orders = rows.map(asRecord);
  return q.fromOrderNo !== undefined ? orders : orders.reverse();
}
