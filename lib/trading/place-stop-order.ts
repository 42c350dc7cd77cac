// POST /api/order/stoploss – a stop order, classified SL or TP against the current price, that locks its
// funds now (BUY: stop x amount + fee of the quote coin; SELL: the base amount) and fires later.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { newId } from "@/lib/ids";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { balanceSteps } from "./balance-steps";
import { assertNotional } from "./amount-bounds";
import { assertLotStep } from "./check-amount";
import { metrics } from "@/lib/metrics";
import { announceOpenOrder } from "./announce-order";
import { openOrderCapSteps } from "./open-order-cap";
import { insertOrderStep } from "./order-steps";
import { lockFor, tradeAmounts } from "./quote-costs";
import { resolvePair } from "./resolve-pair";
import { classifyStop, type Side } from "./stop-order";
import { lockChange } from "./trade-changes";

export interface StopOrderInput {
  userId: string;
  base: string;
  quote: string;
  side: Side;
  amount: bigint;
  stop: bigint;
}

export async function placeStopOrder(input: StopOrderInput) {
  const pair = resolvePair(input.base, input.quote);
  assertLotStep(pair, input.amount);
  assertNotional(pair, tradeAmounts(input.side, input.amount, input.stop).quote);
  const current = await getFreshPrice(pair.symbol);
  const type = classifyStop(input.side, input.stop, current.price);
  const lockCoin = input.side === "BUY" ? pair.quote : pair.base;
  const lockAmount = lockFor(input.side, input.amount, input.stop);
  const id = newId();
  const now = marketNow();
  await atomic([
    ...openOrderCapSteps(input.userId, pair.symbol),
    ...balanceSteps(input.userId, id, [lockChange(lockCoin, lockAmount)], now),
    insertOrderStep({
      id, userId: input.userId, pair, side: input.side, type, status: "OPEN", amount: input.amount,
      stopPrice: input.stop, lockCoin, lockAmount, now,
    }),
  ]);
  metrics.ordersPlaced.inc({ type, outcome: "OPEN" });
  announceOpenOrder({ id, userId: input.userId, symbol: pair.symbol, side: input.side, type, amount: input.amount, stopPrice: input.stop, lockAmount, version: 0 });
  return { status: "successful", order_id: id, order_type: type };
}
