// Orders by their Binance handles, always scoped to the owner: `orderId` (the order number shared by
// both APIs) or `origClientOrderId` (unique among the open orders; of closed ones the newest), and order
// lists by `orderListId` (the order number of an OCO's limit leg) or `listClientOrderId`.
import { prisma } from "@/lib/db";
import { asRecord, ORDER_SELECT, type OrderRecord } from "@/lib/trading/order-record";
import { getOcoOrders } from "@/lib/trading/get-orders";
import { ocoLegIds } from "@/lib/trading/oco-legs";

export interface OrderHandle {
  portfolioId: string;
  symbol: string;
  orderId?: number;
  clientOrderId?: string;
  /** only an OPEN order (cancels) */
  openOnly?: boolean;
}

export async function findOrderByHandle(h: OrderHandle): Promise<OrderRecord | null> {
  const find = (open: boolean) =>
    prisma.order.findFirst({
      where: {
        portfolioId: h.portfolioId,
        symbol: h.symbol,
        archived: false,
        ...(h.orderId !== undefined ? { orderNo: h.orderId } : { clientOrderId: h.clientOrderId }),
        ...(open ? { status: "OPEN" } : {}),
      },
      select: ORDER_SELECT,
      orderBy: { orderNo: "desc" },
    });
  // a client id names one open order, or any number of closed ones: the open one first, else the newest
  const row = (await find(true)) ?? (h.openOnly ? null : await find(false));
  return row ? asRecord(row) : null;
}

/** A list's client id: stored on its first leg (lib/trading/place-oco-order.ts); for lists placed before it
 *  was stored, the first leg's client id without its ".1", else the OCO id. */
export function listClientOrderIdOf(legs: readonly OrderRecord[]): string {
  const first = legs.find((l) => l.ocoId !== null && l.id === ocoLegIds(l.ocoId)[0]) ?? legs[0];
  if (first?.listClientOrderId) return first.listClientOrderId;
  const cid = first?.clientOrderId ?? "";
  return cid.endsWith(".1") ? cid.slice(0, -2) : (first?.ocoId ?? "");
}

/** orderListId of an order: its OCO's limit leg's order number; -1 outside an OCO. */
export async function orderListIdOf(portfolioId: string, o: OrderRecord): Promise<number> {
  if (o.ocoId === null) return -1;
  const [limitId] = ocoLegIds(o.ocoId);
  if (o.id === limitId) return o.orderNo ?? -1;
  const leg = await prisma.order.findFirst({ where: { id: limitId, portfolioId }, select: { orderNo: true } });
  return leg?.orderNo ?? -1;
}

export interface ListHandle {
  portfolioId: string;
  /** the cancel names the pair; GET orderList does not */
  symbol?: string;
  orderListId?: number;
  listClientOrderId?: string;
}

/** The legs of an order list, limit leg first; [] when none matches. */
export async function findOrderList(h: ListHandle): Promise<OrderRecord[]> {
  const leg = await prisma.order.findFirst({
    where: {
      portfolioId: h.portfolioId,
      ...(h.symbol !== undefined ? { symbol: h.symbol } : {}),
      archived: false,
      ocoId: { not: null },
      ...(h.orderListId !== undefined
        ? { orderNo: h.orderListId }
        : { OR: [{ listClientOrderId: h.listClientOrderId }, { clientOrderId: `${h.listClientOrderId}.1` }, { ocoId: h.listClientOrderId }] }),
    },
    select: { id: true, ocoId: true },
    orderBy: { orderNo: "desc" },
  });
  if (!leg?.ocoId) return [];
  // an orderListId is the limit leg's number: the stop leg's number names no list
  if (h.orderListId !== undefined && leg.id !== ocoLegIds(leg.ocoId)[0]) return [];
  return getOcoOrders({ portfolioId: h.portfolioId, ocoId: leg.ocoId });
}
