// Called by the market worker when a trade crosses a stop: fill at that trade's price (gaps are honoured),
// release the lock and apply the trade, in one transaction guarded by OPEN -> FILLED. A BUY that fills
// above its lock needs the difference from the free balance; without it the order ends REJECTED with
// its lock returned; so does a fill worth more than MAX_STORED (a gap far past the stop).
import { atomic } from "@/lib/atomic";
import { AppError } from "@/lib/api/errors";
import { findPair } from "@/lib/markets";
import { formatUnits } from "@/lib/money";
import { MAX_STORED } from "./amount-bounds";
import { balanceSteps, mergeChanges } from "./balance-steps";
import { closeOrderStep, OrderGone } from "./order-steps";
import { tradeAmounts } from "./quote-costs";
import type { OpenStopOrder } from "./stop-order";
import { lockChange, tradeChanges } from "./trade-changes";

export interface FillInput {
  order: OpenStopOrder;
  price: bigint;
  tradeId: string;
  tradeTime: number;
}

export interface FillResult {
  outcome: "FILLED" | "REJECTED" | "GONE";
  userId: string;
  orderId: string;
}

class ShortOfFunds extends Error {}

export async function fillStopOrder({ order, price, tradeId }: FillInput): Promise<FillResult> {
  const pair = findPair(order.symbol);
  if (!pair) throw new AppError("UNKNOWN_PAIR", `unknown pair ${order.symbol}`);
  const result = (outcome: FillResult["outcome"]): FillResult => ({ outcome, userId: order.userId, orderId: order.id });
  const lockCoin = order.side === "BUY" ? pair.quote : pair.base;
  const t = tradeAmounts(order.side, order.amount, price);
  const now = Date.now();
  // A gap can price the fill far beyond any order's bound: such a fill is rejected, never written.
  const tooLarge = t.quote + t.fee > MAX_STORED;
  if (!tooLarge) {
    try {
      await atomic([
        closeOrderStep({
          id: order.id, version: order.version, status: "FILLED", fillPrice: price, quoteAmount: t.quote, fee: t.fee,
          triggerTradeId: tradeId, triggerPrice: price, now,
        }),
        ...balanceSteps(
          order.userId,
          order.id,
          mergeChanges([lockChange(lockCoin, -order.lockAmount), ...tradeChanges(pair, order.side, order.amount, t)]),
          now,
          () => () => new ShortOfFunds(),
        ),
      ]);
      return result("FILLED");
    } catch (e) {
      if (e instanceof OrderGone) return result("GONE");
      if (!(e instanceof ShortOfFunds)) throw e;
    }
  }
  try {
    await atomic([
      closeOrderStep({
        id: order.id, version: order.version, status: "REJECTED", triggerTradeId: tradeId, triggerPrice: price, now,
        reason: tooLarge
          ? `at ${formatUnits(price)} the fill would be worth ${formatUnits(t.quote)} ${pair.quote}, more than an account can hold`
          : `filled at ${formatUnits(price)} above the locked funds and the free ${lockCoin} could not cover the difference`,
      }),
      ...balanceSteps(order.userId, order.id, [lockChange(lockCoin, -order.lockAmount)], now),
    ]);
    return result("REJECTED");
  } catch (e) {
    if (e instanceof OrderGone) return result("GONE");
    throw e;
  }
}
