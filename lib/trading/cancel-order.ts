// DELETE /api/orders/{id} and /api/orders/oco/{oco_id} – cancel an open order (an OCO leg cancels both)
// and return its lock once. Races with a fill, a trigger, an expiry or a reset are settled by the guarded
// OPEN -> CANCELLED transition of the leg asked for; both legs are locked in id order.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { announceClosedOrder } from "./announce-order";
import { balanceSteps } from "./balance-steps";
import { getOcoOrders, getOrder, unknownOrder } from "./get-orders";
import { marketEvents } from "@/lib/market/events";
import { siblingOf } from "./oco-legs";
import type { OrderRecord } from "./order-record";
import { closeWithSibling, OrderGone } from "./order-steps";
import { lockChange } from "./trade-changes";

export async function cancelOrder({ portfolioId, orderId, reason = "cancelled by the user" }: { portfolioId: string; orderId: string; reason?: string }): Promise<OrderRecord> {
  for (let attempt = 0; ; attempt++) {
    const o = await prisma.order.findFirst({
      where: { id: orderId, portfolioId, status: "OPEN", archived: false },
      select: { id: true, symbol: true, lockCoin: true, lockAmount: true, version: true, ocoId: true },
    });
    if (!o) throw unknownOrder(orderId);
    const sibling = siblingOf(o.id, o.ocoId);
    const now = marketNow();
    try {
      await atomic([
        ...closeWithSibling(
          { id: o.id, version: o.version, portfolioId, status: "CANCELLED", reason, now },
          sibling ? { id: sibling, status: "CANCELLED", reason: "its OCO was cancelled" } : null,
          true,
        ),
        ...balanceSteps(portfolioId, o.id, [lockChange(o.lockCoin, -o.lockAmount)], now),
      ]);
    } catch (e) {
      if (!(e instanceof OrderGone) || attempt >= 3) throw e;
      continue;
    }
    for (const id of sibling ? [o.id, sibling] : [o.id]) {
      announceClosedOrder(id, o.symbol);
      marketEvents.emit("order-changed", { portfolioId, orderId: id });
    }
    return getOrder({ portfolioId, orderId: o.id });
  }
}

export async function cancelOcoOrder({ portfolioId, ocoId }: { portfolioId: string; ocoId: string }): Promise<{ ocoId: string; orders: OrderRecord[] }> {
  const legs = await getOcoOrders({ portfolioId, ocoId });
  const open = legs.find((l) => l.status === "OPEN");
  if (!open) throw unknownOrder(ocoId);
  await cancelOrder({ portfolioId, orderId: open.id });
  return { ocoId, orders: await getOcoOrders({ portfolioId, ocoId }) };
}
