// GET /api/v3/order, openOrders, allOrders – the user's orders as Binance's query answers show them
// (an unknown order: ORDER_NOT_FOUND, which the route answers as -2013).
import type { Pair } from "@/lib/markets";
import { unknownOrder } from "@/lib/trading/get-orders";
import { listOrdersByNumber, type OrdersByNumberQuery } from "@/lib/trading/list-orders-by-number";
import type { OrderRecord } from "@/lib/trading/order-record";
import { env } from "@/lib/env";
import { findOrderByHandle, orderListIdOf } from "./find-orders";
import { orderListIdsOf } from "./order-list-ids";
import { presentOrder } from "./present-order";

async function present(portfolioId: string, orders: OrderRecord[]) {
  const listId = await orderListIdsOf(portfolioId, orders);
  return orders.map((o) => presentOrder(o, { orderListId: listId(o) }));
}

export async function getBinanceOrder(h: { portfolioId: string; pair: Pair; orderId?: number; clientOrderId?: string }) {
  const o = await findOrderByHandle({ portfolioId: h.portfolioId, symbol: h.pair.symbol, orderId: h.orderId, clientOrderId: h.clientOrderId });
  if (!o) throw unknownOrder(String(h.orderId ?? h.clientOrderId));
  return presentOrder(o, { orderListId: await orderListIdOf(h.portfolioId, o) });
}

/** Every open order, of one pair or all (at most MAX_OPEN_ORDERS exist). */
export async function listOpenBinanceOrders({ portfolioId, pair }: { portfolioId: string; pair?: Pair }) {
  return present(portfolioId, await listOrdersByNumber({ portfolioId, symbol: pair?.symbol, status: "OPEN", limit: env.MAX_OPEN_ORDERS }));
}

export async function listAllBinanceOrders(q: Pick<OrdersByNumberQuery, "portfolioId" | "symbol" | "fromOrderNo" | "startTime" | "endTime" | "limit">) {
  return present(q.portfolioId, await listOrdersByNumber(q));
}
