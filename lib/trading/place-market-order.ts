// POST /api/order/market – buy or sell now, fully, at the pair's latest trade price (fresh feed only).
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { newId } from "@/lib/ids";
import { unitsToNumber } from "@/lib/money";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { AppError } from "@/lib/api/errors";
import { balanceSteps } from "./balance-steps";
import { assertNotional } from "./amount-bounds";
import { assertLotStep } from "./check-amount";
import { insertOrderStep } from "./order-steps";
import { tradeAmounts } from "./quote-costs";
import { resolvePair } from "./resolve-pair";
import type { Side } from "./stop-order";
import { tradeChanges } from "./trade-changes";

export interface MarketOrderInput {
  userId: string;
  base: string;
  quote: string;
  side: Side;
  amount: bigint;
}

export async function placeMarketOrder(input: MarketOrderInput) {
  const pair = resolvePair(input.base, input.quote);
  assertLotStep(pair, input.amount);
  const price = await getFreshPrice(pair.symbol);
  const t = tradeAmounts(input.side, input.amount, price.price);
  assertNotional(pair, t.quote);
  if (t.net <= 0n) throw new AppError("VALIDATION_FAILED", "b_amount: too small to trade at this price.", { b_amount: "too small" });
  const id = newId();
  const now = marketNow();
  await atomic([
    ...balanceSteps(input.userId, id, tradeChanges(pair, input.side, input.amount, t), now),
    insertOrderStep({
      id, userId: input.userId, pair, side: input.side, type: "M", status: "FILLED", amount: input.amount,
      fillPrice: price.price, quoteAmount: t.quote, fee: t.fee, triggerTradeId: price.tradeId, now,
    }),
  ]);
  return {
    status: "successful",
    order_id: id,
    price: unitsToNumber(price.price),
    b_amount: unitsToNumber(input.amount),
    q_amount: unitsToNumber(t.quote),
    fee: unitsToNumber(t.fee),
    source: price.source,
  };
}
