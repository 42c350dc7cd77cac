// The user data stream's events for one change of a user's order, read after the change committed:
// executionReport (preceded by a NEW report when the order closed in the transaction that placed it, as
// Binance reports a market order: NEW, then TRADE), listStatus for an OCO leg, then
// outboundAccountPosition with the order's two coins. Archived orders (an account reset) are reported
// too: the reset cancelled them. Every query is scoped to the order's owner.
import { prisma } from "@/lib/db";
import { asRecord, ORDER_SELECT } from "@/lib/trading/order-record";
import { accountPosition } from "./account-position";
import { executionOf, executionReport } from "./execution-report";
import { listStatus } from "./list-status";

export async function orderUpdateEvents({ portfolioId, orderId, now = Date.now() }: { portfolioId: string; orderId: string; now?: number }): Promise<object[]> {
  const row = await prisma.order.findFirst({ where: { id: orderId, portfolioId }, select: { ...ORDER_SELECT, version: true } });
  if (!row) return [];
  const { version, ...fields } = row;
  const order = asRecord(fields);
  const legs = order.ocoId
    ? (await prisma.order.findMany({ where: { ocoId: order.ocoId, portfolioId }, select: ORDER_SELECT, orderBy: { id: "asc" } })).map(asRecord)
    : [];
  // An OCO's list id is its limit leg's order number (the first leg by id), as the REST answers give it.
  const orderListId = legs[0]?.orderNo ?? -1;
  const events: object[] = [];
  if (version === 0 && order.status !== "OPEN") events.push(executionReport(order, { orderListId, execution: "NEW", now }));
  events.push(executionReport(order, { orderListId, execution: executionOf(order), now }));
  if (legs.length > 0) events.push(listStatus(legs, { orderListId, now }));
  const balances = await prisma.balance.findMany({
    where: { portfolioId, coin: { in: [order.base, order.quote] } },
    select: { coin: true, free: true, locked: true },
    orderBy: { coin: "asc" },
  });
  events.push(accountPosition(balances, { now, updatedAt: Number(order.updatedAt) }));
  return events;
}
