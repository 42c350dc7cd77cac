// GET /api/v3/orderList, openOrderList, allOrderList – the user's OCOs as Binance's order lists (without
// order reports). A list is numbered by its limit leg (`<oco id>.1`, inserted first).
import { prisma } from "@/lib/db";
import { timeWindow } from "@/lib/trading/time-window";
import { env } from "@/lib/env";
import { asRecord, ORDER_SELECT, type OrderRecord } from "@/lib/trading/order-record";
import { BinanceError } from "./errors";
import { findOrderList, type ListHandle } from "./find-orders";
import { presentOrderList } from "./present-order-list";

export interface OrderListsQuery {
  portfolioId: string;
  fromId?: number;
  startTime?: number;
  endTime?: number;
  limit: number;
}

/** The legs of each OCO, limit leg first, in the order of `ocoIds`. */
async function listsOf(portfolioId: string, ocoIds: readonly string[]) {
  if (ocoIds.length === 0) return [];
  const rows = await prisma.order.findMany({ where: { portfolioId, ocoId: { in: [...ocoIds] } }, select: ORDER_SELECT, orderBy: { id: "asc" } });
  const legs = new Map<string, OrderRecord[]>();
  for (const r of rows.map(asRecord)) legs.set(r.ocoId ?? "", [...(legs.get(r.ocoId ?? "") ?? []), r]);
  return ocoIds.flatMap((id) => {
    const l = legs.get(id);
    return l ? [presentOrderList(l, "none")] : [];
  });
}

export async function getBinanceOrderList(h: ListHandle) {
  const legs = await findOrderList(h);
  if (legs.length === 0) throw new BinanceError(-2013, "Order list does not exist.");
  return presentOrderList(legs, "none");
}

/** The lists with a leg still open, oldest first. */
export async function listOpenOrderLists({ portfolioId }: { portfolioId: string }) {
  const open = await prisma.order.findMany({
    where: { portfolioId, status: "OPEN", archived: false, ocoId: { not: null } },
    select: { ocoId: true },
    distinct: ["ocoId"],
    orderBy: { orderNo: "asc" },
    take: env.MAX_OPEN_ORDERS,
  });
  return listsOf(portfolioId, open.flatMap((o) => (o.ocoId ? [o.ocoId] : [])));
}

/** From list id `fromId` up, else the newest `limit`; optionally created within [startTime, endTime]. */
export async function listAllOrderLists(q: OrderListsQuery) {
  const heads = await prisma.order.findMany({
    where: {
      portfolioId: q.portfolioId,
      archived: false,
      ocoId: { not: null },
      id: { endsWith: ".1" },
      orderNo: q.fromId !== undefined ? { gte: q.fromId } : { not: null },
      createdAt: timeWindow(q.startTime, q.endTime),
    },
    select: { ocoId: true },
    orderBy: { orderNo: q.fromId !== undefined ? "asc" : "desc" },
    take: q.limit,
  });
  const ids = heads.flatMap((h) => (h.ocoId ? [h.ocoId] : []));
  return listsOf(q.portfolioId, q.fromId !== undefined ? ids : ids.reverse());
}
