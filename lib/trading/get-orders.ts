// GET /api/orders and /api/orders/{id} – the user's orders as records, newest first, paged by a cursor
// (the order number of the last one seen). Every query is scoped to its owner.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { asRecord, ORDER_SELECT, type OrderRecord } from "./order-record";
import { CLOSED_STATUSES } from "./order-types";

export const unknownOrder = (id: string) => new DomainError("ORDER_NOT_FOUND", `No order with id ${id} belongs to you.`);

export async function getOrder({ portfolioId, orderId }: { portfolioId: string; orderId: string }): Promise<OrderRecord> {
  const row = await prisma.order.findFirst({ where: { id: orderId, portfolioId, archived: false }, select: ORDER_SELECT });
  if (!row) throw unknownOrder(orderId);
  return asRecord(row);
}

export async function getOcoOrders({ portfolioId, ocoId }: { portfolioId: string; ocoId: string }): Promise<OrderRecord[]> {
  const rows = await prisma.order.findMany({ where: { ocoId, portfolioId, archived: false }, select: ORDER_SELECT, orderBy: { id: "asc" } });
  return rows.map(asRecord);
}

export interface ListOrdersQuery {
  portfolioId: string;
  status: "open" | "closed" | "all";
  symbol?: string;
  limit: number;
  /** order number to continue below */
  cursor?: number;
}

export async function listOrders(q: ListOrdersQuery): Promise<{ orders: OrderRecord[]; nextCursor: number | null }> {
  const status = q.status === "open" ? "OPEN" : q.status === "closed" ? { in: [...CLOSED_STATUSES] } : undefined;
  const rows = await prisma.order.findMany({
    where: {
      portfolioId: q.portfolioId,
      archived: false,
      ...(status ? { status } : {}),
      ...(q.symbol ? { symbol: q.symbol } : {}),
      ...(q.cursor !== undefined ? { orderNo: { lt: q.cursor } } : {}),
    },
    select: ORDER_SELECT,
    orderBy: { orderNo: "desc" },
    take: q.limit + 1,
  });
  const more = rows.length > q.limit;
  const orders = rows.slice(0, q.limit).map(asRecord);
  return { orders, nextCursor: more ? (orders[orders.length - 1]?.orderNo ?? null) : null };
}
