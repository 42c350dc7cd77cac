// PUT /api/order/stoploss – change an open stop order's amount and/or stop atomically: the lock is
// adjusted by the difference in the same transaction, and a new stop is classified SL/TP again.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { findPair } from "@/lib/markets";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { balanceSteps } from "./balance-steps";
import { announceOpenOrder, announceOrderChange } from "./announce-order";
import { assertNotional } from "./amount-bounds";
import { assertLotStep } from "./check-amount";
import { findOpenStopOrder } from "./find-open-stop-order";
import { orderNotFound, OrderGone } from "./order-steps";
import { lockOf } from "./order-lock";
import { tradeAmounts } from "./quote-costs";
import { classifyStop, type StopType } from "./stop-order";
import { lockChange } from "./trade-changes";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { assertCanTrade, feeRatesOf, ruleGuardSteps } from "@/lib/portfolio/trading-rules";

export interface ModifyInput {
  portfolio: PortfolioScope;
  orderId: string;
  amount?: bigint;
  stop?: bigint;
}

export async function modifyStopOrder(input: ModifyInput): Promise<{ id: string; type: StopType }> {
  const portfolioId = input.portfolio.id;
  for (let attempt = 0; ; attempt++) {
    const order = await findOpenStopOrder(portfolioId, input.orderId);
    const pair = findPair(order.symbol);
    if (!pair) throw orderNotFound(input.orderId);
    assertCanTrade(input.portfolio, pair.symbol, marketNow());
    const amount = input.amount ?? order.amount;
    const stop = input.stop ?? order.stopPrice;
    assertLotStep(pair, amount);
    assertNotional(pair, tradeAmounts(order.side, amount, stop).quote);
    const current = await getFreshPrice(pair.symbol);
    const type = classifyStop(order.side, stop, current.price);
    // The lock is reckoned again for the new amount and stop; its coin is the stored one.
    const lockAmount = lockOf(pair, order.side, amount, stop, order.feeRate ?? feeRatesOf(input.portfolio).taker).amount;
    const now = marketNow();
    try {
      await atomic([
        ...ruleGuardSteps(input.portfolio, now),
        {
          sql: `UPDATE "Order" SET "amount" = ?, "stopPrice" = ?, "type" = ?, "lockAmount" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "portfolioId" = ? AND "status" = 'OPEN' AND "version" = ?`,
          params: [amount, stop, type, lockAmount, BigInt(now), order.id, portfolioId, order.version],
          expect: { rows: 1, error: () => new OrderGone() },
        },
        ...balanceSteps(portfolioId, order.id, [lockChange(order.lockCoin, lockAmount - order.lockAmount)], now),
      ]);
      announceOpenOrder({ ...order, amount, stopPrice: stop, type, lockAmount, version: order.version + 1 });
      announceOrderChange(portfolioId, order.id);
      return { id: order.id, type };
    } catch (e) {
      if (!(e instanceof OrderGone) || attempt >= 3) throw e;
    }
  }
}
