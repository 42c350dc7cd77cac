// The orderListId of many orders at once (openOrders, allOrders, myTrades): an OCO leg's is its limit
// leg's order number (find-orders.ts orderListIdOf, one order), -1 outside an OCO. One read for the
// limit legs not among `orders`.
import { prisma } from "@/lib/db";
import { ocoLegIds } from "@/lib/trading/oco-legs";
import type { OrderRecord } from "@/lib/trading/order-record";

export async function orderListIdsOf(portfolioId: string, orders: readonly OrderRecord[]): Promise<(o: OrderRecord) => number> {
  const numbers = new Map(orders.map((o) => [o.id, o.orderNo ?? -1]));
  const missing = [...new Set(orders.flatMap((o) => (o.ocoId === null ? [] : [ocoLegIds(o.ocoId)[0]])))].filter((id) => !numbers.has(id));
  if (missing.length > 0) {
    const legs = await prisma.order.findMany({ where: { portfolioId, id: { in: missing } }, select: { id: true, orderNo: true } });
    for (const l of legs) numbers.set(l.id, l.orderNo ?? -1);
  }
  return (o) => (o.ocoId === null ? -1 : (numbers.get(ocoLegIds(o.ocoId)[0]) ?? -1));
}
