// DELETE /api/order/stoploss – cancel an open stop order and return its lock. Races with a fill or a
// reset are settled by the conditional OPEN -> CANCELLED transition: the lock is released once.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { balanceSteps } from "./balance-steps";
import { announceClosedOrder, announceOrderChange } from "./announce-order";
import { findOpenStopOrder } from "./find-open-stop-order";
import { closeOrderStep, OrderGone } from "./order-steps";
import { lockChange } from "./trade-changes";

export async function cancelStopOrder({ portfolioId, orderId }: { portfolioId: string; orderId: string }): Promise<{ id: string }> {
  // A modify may bump the version between our read and our write: read again and retry.
  for (let attempt = 0; ; attempt++) {
    const order = await findOpenStopOrder(portfolioId, orderId);
    const now = marketNow();
    try {
      await atomic([
        closeOrderStep({ id: order.id, version: order.version, portfolioId, status: "CANCELLED", reason: "cancelled by the user", now }),
        ...balanceSteps(portfolioId, order.id, [lockChange(order.lockCoin, -order.lockAmount)], now),
      ]);
      announceClosedOrder(order.id, order.symbol);
      announceOrderChange(portfolioId, order.id);
      return { id: order.id };
    } catch (e) {
      if (!(e instanceof OrderGone) || attempt >= 3) throw e;
    }
  }
}
