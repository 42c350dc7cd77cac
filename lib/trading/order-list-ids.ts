// The order-list id of OCO legs, as the Binance API shows it: the order number of the list's first leg
// (its limit leg, inserted first). One grouped query for all the lists among `orders`.
import { prisma } from "@/lib/db";
import type { OrderRecord } from "./order-record";

export async function orderListIds(userId: string, orders: readonly OrderRecord[]): Promise<Map<string, number>> {
  const ocoIds = [...new Set(orders.map((o) => o.ocoId).filter((id): id is string => id !== null))];
  if (ocoIds.length === 0) return new Map();
  const groups = await prisma.order.groupBy({ by: ["ocoId"], where: { userId, ocoId: { in: ocoIds } }, _min: { orderNo: true } });
  return new Map(groups.flatMap((g) => (g.ocoId !== null && g._min.orderNo !== null ? [[g.ocoId, g._min.orderNo] as const] : [])));
}
