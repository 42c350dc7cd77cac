// POST /api/orders/oco – one profit leg (a LIMIT_MAKER, or for the Binance API a TAKE_PROFIT or
// TAKE_PROFIT_LIMIT) and one stop leg (STOP_LOSS, or STOP_LOSS_LIMIT with a stop limit price; optionally
// trailing) under one lock: SELL the amount once, BUY the dearer leg. Binance's price rule, with the profit
// leg's price (a LIMIT_MAKER's limit, a take-profit's stop price): SELL profit > last > stop, BUY profit <
// last < stop. When a leg fills or fires, the other is EXPIRED in the same transaction
// (lib/trading/fire-order.ts); cancelling one cancels both.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { newId } from "@/lib/ids";
import { formatUnits } from "@/lib/money";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { balanceSteps } from "./balance-steps";
import { openOrderCapSteps } from "./open-order-cap";
import { isDuplicateClientId, newClientOrderId } from "./client-order-id";
import { ocoLegIds } from "./oco-legs";
import { planOrder } from "./order-plan";
import type { OrderRecord } from "./order-record";
import { insertOrderStep } from "./order-steps";
import type { Side, TimeInForce } from "./order-types";
import { announceOrder, duplicateClientId, newOrderOf, recordOf, type PlaceOrderInput } from "./place-order";
import { lockChange } from "./trade-changes";
import type { Pair } from "@/lib/markets";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { assertCanTrade, feeRatesOf, ruleGuardSteps } from "@/lib/portfolio/trading-rules";

/** The profit leg other than a LIMIT_MAKER: a take-profit at `stopPrice`, a TAKE_PROFIT_LIMIT resting at `price` once fired. */
export type TakeProfitLeg =
  | { type: "TAKE_PROFIT"; stopPrice: bigint; trailingDelta?: number }
  | { type: "TAKE_PROFIT_LIMIT"; stopPrice: bigint; price: bigint; timeInForce: TimeInForce; trailingDelta?: number };

export interface OcoInput {
  portfolio: PortfolioScope;
  pair: Pair;
  side: Side;
  amount: bigint;
  /** the LIMIT_MAKER leg's price; with `takeProfit` that leg replaces it and this is not read */
  price: bigint;
  takeProfit?: TakeProfitLeg;
  stopPrice: bigint;
  stopLimitPrice?: bigint;
  trailingDelta?: number;
  timeInForce?: TimeInForce;
  clientOrderId?: string;
  /** the legs' own client ids (Binance's above/belowClientOrderId), profit leg first; else `<id>.1`, `<id>.2` */
  legClientOrderIds?: [string | undefined, string | undefined];
}

export async function placeOcoOrder(input: OcoInput): Promise<{ ocoId: string; orders: OrderRecord[] }> {
  const now = marketNow();
  assertCanTrade(input.portfolio, input.pair.symbol, now);
  const last = (await getFreshPrice(input.pair.symbol)).price;
  const tp = input.takeProfit;
  const profit = tp ? tp.stopPrice : input.price;
  const ok = input.side === "SELL" ? profit > last && last > input.stopPrice : profit < last && last < input.stopPrice;
  if (!ok) {
    const name = tp ? "take-profit stop price" : "price";
    const rule = input.side === "SELL" ? `${name} > last price > stop_price` : `${name} < last price < stop_price`;
    throw new DomainError("PRICE_RELATIONSHIP", `The relationship of the prices is not correct: a ${input.side} OCO needs ${rule} (last price ${formatUnits(last)}).`);
  }
  const common = { portfolio: input.portfolio, pair: input.pair, side: input.side, amount: input.amount };
  const profitLeg: PlaceOrderInput = !tp
    ? { ...common, type: "LIMIT_MAKER", price: input.price }
    : tp.type === "TAKE_PROFIT"
      ? { ...common, type: "TAKE_PROFIT", stopPrice: tp.stopPrice, trailingDelta: tp.trailingDelta }
      : { ...common, type: "TAKE_PROFIT_LIMIT", stopPrice: tp.stopPrice, price: tp.price, timeInForce: tp.timeInForce, trailingDelta: tp.trailingDelta };
  const stopLeg: PlaceOrderInput = {
    portfolio: input.portfolio, pair: input.pair, side: input.side, type: input.stopLimitPrice !== undefined ? "STOP_LOSS_LIMIT" : "STOP_LOSS",
    amount: input.amount, price: input.stopLimitPrice, stopPrice: input.stopPrice, trailingDelta: input.trailingDelta,
    timeInForce: input.stopLimitPrice !== undefined ? input.timeInForce : undefined,
  };
  if (input.stopLimitPrice === undefined && input.timeInForce !== undefined) {
    throw new DomainError("VALIDATION_FAILED", "time_in_force: is taken only with stop_limit_price", { time_in_force: "is taken only with stop_limit_price" });
  }
  const plans = [planOrder(profitLeg, last, feeRatesOf(input.portfolio)), planOrder(stopLeg, last, feeRatesOf(input.portfolio))] as const;
  // One lock for both legs: SELL the amount, BUY the larger of the two legs' locks. Each leg records it.
  const lock = plans[0].lock.amount > plans[1].lock.amount ? plans[0].lock : plans[1].lock;
  const ocoId = newId();
  const [profitId, stopId] = ocoLegIds(ocoId);
  const cid = input.clientOrderId ?? newClientOrderId();
  const [profitCid = `${cid}.1`, stopCid = `${cid}.2`] = input.legClientOrderIds ?? [];
  const orderNos: (number | null)[] = [null, null];
  const rows = [
    // the list's client id on its first leg only: the open-lists unique index then never sees both legs
    { ...newOrderOf(profitLeg, plans[0], profitId, profitCid, "", now), lockAmount: lock.amount, ocoId, listClientOrderId: cid, onOrderNo: (n: number) => (orderNos[0] = n) },
    { ...newOrderOf(stopLeg, plans[1], stopId, stopCid, "", now), lockAmount: lock.amount, ocoId, onOrderNo: (n: number) => (orderNos[1] = n) },
  ];
  try {
    await atomic([...ruleGuardSteps(input.portfolio, now), ...openOrderCapSteps(input.portfolio.id, input.pair.symbol), ...balanceSteps(input.portfolio.id, profitId, [lockChange(lock.coin, lock.amount)], now), ...rows.map(insertOrderStep)]);
  } catch (e) {
    if (isDuplicateClientId(e)) throw duplicateClientId(cid);
    throw e;
  }
  const orders = rows.map((r, i) => recordOf(r, orderNos[i] ?? null));
  for (const o of orders) announceOrder(o, input.portfolio.id);
  return { ocoId, orders };
}
