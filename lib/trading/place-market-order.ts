// POST /api/order/market – buy or sell now, fully, at the pair's latest trade price (fresh feed only).
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { newId } from "@/lib/ids";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { DomainError } from "@/lib/domain-error";
import { balanceSteps } from "./balance-steps";
import { assertCanTrade, feeRatesOf, ruleGuardSteps } from "@/lib/portfolio/trading-rules";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";

import { assertNotional } from "./amount-bounds";
import { announceOrderChange } from "./announce-order";
import { assertLotStep } from "./check-amount";
import { lockCoinOf } from "./order-lock";
import { insertOrderStep } from "./order-steps";
import { tradeAmounts } from "./quote-costs";
import { resolvePair } from "./resolve-pair";
import type { Side } from "./stop-order";
import { tradeChanges } from "./trade-changes";

export interface MarketOrderInput {
  portfolio: PortfolioScope;
  base: string;
  quote: string;
  side: Side;
  amount: bigint;
}

export interface MarketFill {
  id: string;
  price: bigint;
  amount: bigint;
  /** quote amount before the fee */
  quote: bigint;
  fee: bigint;
  source: string;
}

export async function placeMarketOrder(input: MarketOrderInput): Promise<MarketFill> {
  const pair = resolvePair(input.base, input.quote);
  assertLotStep(pair, input.amount);
  const now = marketNow();
  assertCanTrade(input.portfolio, pair.symbol, now);
  const price = await getFreshPrice(pair.symbol);
  const t = tradeAmounts(input.side, input.amount, price.price, feeRatesOf(input.portfolio).taker);
  assertNotional(pair, t.quote);
  if (t.net <= 0n) throw new DomainError("VALIDATION_FAILED", "b_amount: too small to trade at this price.", { b_amount: "too small" });
  const id = newId();
  const portfolioId = input.portfolio.id;
  await atomic([
    ...ruleGuardSteps(input.portfolio, now),
    ...balanceSteps(portfolioId, id, tradeChanges(pair, input.side, input.amount, t), now),
    insertOrderStep({
      id, portfolioId, pair, side: input.side, type: "M", status: "FILLED", amount: input.amount, lockCoin: lockCoinOf(pair, input.side),
      fillPrice: price.price, quoteAmount: t.quote, fee: t.fee, triggerTradeId: price.tradeId, now,
    }),
  ]);
  announceOrderChange(portfolioId, id);
  return { id, price: price.price, amount: input.amount, quote: t.quote, fee: t.fee, source: price.source };
}
