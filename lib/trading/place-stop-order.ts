// POST /api/order/stoploss – a stop order, classified SL or TP against the current price, that locks its
// funds now (lib/trading/order-lock.ts at the stop, taker fee; stored on the order) and fires later.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { newId } from "@/lib/ids";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { balanceSteps } from "./balance-steps";
import { assertNotional } from "./amount-bounds";
import { assertLotStep } from "./check-amount";
import { announceOpenOrder, announceOrderChange } from "./announce-order";
import { metrics } from "@/lib/metrics";
import { openOrderCapSteps } from "./open-order-cap";
import { insertOrderStep } from "./order-steps";
import { assertCanTrade, feeRatesOf, orderTermsOf, ruleGuardSteps } from "@/lib/portfolio/trading-rules";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { lockOf } from "./order-lock";
import { tradeAmounts } from "./quote-costs";
import { resolvePair } from "./resolve-pair";
import { classifyStop, type Side, type StopType } from "./stop-order";
import { lockChange } from "./trade-changes";

export interface StopOrderInput {
  portfolio: PortfolioScope;
  base: string;
  quote: string;
  side: Side;
  amount: bigint;
  stop: bigint;
}

export interface PlacedStop {
  id: string;
  type: StopType;
}

export async function placeStopOrder(input: StopOrderInput): Promise<PlacedStop> {
  const pair = resolvePair(input.base, input.quote);
  assertLotStep(pair, input.amount);
  assertNotional(pair, tradeAmounts(input.side, input.amount, input.stop).quote);
  const now = marketNow();
  assertCanTrade(input.portfolio, pair.symbol, now);
  const current = await getFreshPrice(pair.symbol);
  const type = classifyStop(input.side, input.stop, current.price);
  const { coin: lockCoin, amount: lockAmount } = lockOf(pair, input.side, input.amount, input.stop, feeRatesOf(input.portfolio).taker);
  const id = newId();
  const portfolioId = input.portfolio.id;
  const terms = orderTermsOf(input.portfolio);
  await atomic([
    ...ruleGuardSteps(input.portfolio, now),
    ...openOrderCapSteps(portfolioId, pair.symbol),
    ...balanceSteps(portfolioId, id, [lockChange(lockCoin, lockAmount)], now),
    insertOrderStep({
      id, portfolioId, pair, side: input.side, type, status: "OPEN", amount: input.amount,
      stopPrice: input.stop, lockCoin, lockAmount, ...terms, now,
    }),
  ]);
  metrics.ordersPlaced.inc({ type, outcome: "OPEN" });
  announceOpenOrder({ id, portfolioId, symbol: pair.symbol, side: input.side, type, amount: input.amount, stopPrice: input.stop, lockCoin, lockAmount, feeRate: terms.feeRate, expiresAt: terms.expiresAt, version: 0 });
  announceOrderChange(portfolioId, id);
  return { id, type };
}
