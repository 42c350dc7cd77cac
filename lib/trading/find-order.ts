// GET /api/v3/order – one of the user's orders on a pair, by its order number or its client order id (the
// newest with that id: client ids are unique only among open orders). Scoped to its owner.
import { prisma } from "@/lib/db";
import { unknownOrder } from "./get-orders";
import { asRecord, ORDER_SELECT, type OrderRecord } from "./order-record";

export interface FindOrderQuery {
  userId: string;
  symbol: string;
  orderNo?: number;
  clientOrderId?: string;
}

export async function findOrder(q: FindOrderQuery): Promise<OrderRecord> {
  const row = await prisma.order.findFirst({
    where: {
      userId: q.userId,
      symbol: q.symbol,
      archived: false,
      ...(q.orderNo !== undefined ? { orderNo: q.orderNo } : {}),
      ...(q.clientOrderId !== undefined ? { clientOrderId: q.clientOrderId } : {}),
    },
    select: ORDER_SELECT,
    orderBy: { orderNo: "desc" },
  });
  if (!row) throw unknownOrder(String(q.orderNo ?? q.clientOrderId ?? ""));
  return asRecord(row);
}
