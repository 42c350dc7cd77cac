// POST /api/order/stoploss – a stop order, classified SL or TP against the current price, that locks its
// funds now (lib/trading/order-lock.ts at the stop, taker fee; stored on the order) and fires later.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { newId } from "@/lib/ids";
import { FEE_RATE_TAKER } from "@/lib/markets";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { balanceSteps } from "./balance-steps";
import { assertNotional } from "./amount-bounds";
import { assertLotStep } from "./check-amount";
import { announceOpenOrder, announceOrderChange } from "./announce-order";
import { metrics } from "@/lib/metrics";
import { openOrderCapSteps } from "./open-order-cap";
import { insertOrderStep } from "./order-steps";
import { lockOf } from "./order-lock";
import { tradeAmounts } from "./quote-costs";
import { resolvePair } from "./resolve-pair";
import { classifyStop, type Side, type StopType } from "./stop-order";
import { lockChange } from "./trade-changes";

export interface StopOrderInput {
  userId: string;
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
  const current = await getFreshPrice(pair.symbol);
  const type = classifyStop(input.side, input.stop, current.price);
  const { coin: lockCoin, amount: lockAmount } = lockOf(pair, input.side, input.amount, input.stop, FEE_RATE_TAKER);
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
  announceOpenOrder({ id, userId: input.userId, symbol: pair.symbol, side: input.side, type, amount: input.amount, stopPrice: input.stop, lockCoin, lockAmount, version: 0 });
  announceOrderChange(input.userId, id);
  return { id, type };
}
