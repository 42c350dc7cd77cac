// DELETE /api/order/stoploss – cancel an open stop order and return its lock. Races with a fill or a
// reset are settled by the conditional OPEN -> CANCELLED transition: the lock is released once.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { balanceSteps } from "./balance-steps";
import { announceClosedOrder } from "./announce-order";
import { findOpenStopOrder } from "./find-open-stop-order";
import { closeOrderStep, OrderGone } from "./order-steps";
import { lockChange } from "./trade-changes";

export async function cancelStopOrder({ userId, orderId }: { userId: string; orderId: string }) {
  // A modify may bump the version between our read and our write: read again and retry.
  for (let attempt = 0; ; attempt++) {
    const order = await findOpenStopOrder(userId, orderId);
    const now = marketNow();
    try {
      await atomic([
        closeOrderStep({ id: order.id, version: order.version, userId, status: "CANCELLED", reason: "cancelled by the user", now }),
        ...balanceSteps(userId, order.id, [lockChange(order.lockCoin, -order.lockAmount)], now),
      ]);
      announceClosedOrder(order.id, order.symbol);
      return { status: "successful", message: `Stoploss order with order id ${order.id} cancelled.` };
    } catch (e) {
      if (!(e instanceof OrderGone) || attempt >= 3) throw e;
    }
  }
}
