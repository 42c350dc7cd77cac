// The product's order rules in one pure function (binance-api.md §6): what an order request does at the
// current last trade price (fill now, rest with a lock, or expire), at which price, with which fee and
// which lock. Placement, preview and the OCO use case all call it; so will the Binance dialect.
import { DomainError } from "@/lib/domain-error";
import type { Pair } from "@/lib/markets";
import { divUnits, formatUnits, MAX_INPUT } from "@/lib/money";
import { hasLimitPrice, isStopType, stopFamily, type OrderType, type Side, type TimeInForce } from "./order-types";
import { assertNotional } from "./amount-bounds";
import { lockCoinOf, lockOf } from "./order-lock";
import { tradeAmounts, type TradeAmounts } from "./quote-costs";
import { classifyStop, crosses, directionOf } from "./stop-order";
import { MAX_TRAILING_DELTA, MIN_TRAILING_DELTA, trailingTrigger } from "./trailing-stop";
import { FEE_RATE_MAKER, FEE_RATE_TAKER } from "@/lib/markets";
import type { FeeRates } from "@/lib/portfolio/trading-rules";

const PLATFORM_FEES: FeeRates = { maker: FEE_RATE_MAKER, taker: FEE_RATE_TAKER };

export interface OrderRequest {
  pair: Pair;
  side: Side;
  type: OrderType;
  amount?: bigint;
  quoteAmount?: bigint;
  price?: bigint;
  stopPrice?: bigint;
  trailingDelta?: number;
  activationPrice?: bigint;
  timeInForce?: TimeInForce;
}

export interface OrderPlan {
  action: "fill" | "rest" | "expire";
  amount: bigint;
  /** the fill price (fill), or the price the lock and the preview's fee are reckoned at */
  price: bigint;
  maker: boolean;
  marketable: boolean;
  amounts: TradeAmounts;
  feeRate: bigint;
  lock: { coin: string; amount: bigint };
  timeInForce: TimeInForce | null;
  stopPrice: bigint | null;
  activationPrice: bigint | null;
  /** trailing stop active from placement: its first watermark */
  watermark: bigint | null;
}

const invalid = (field: string, problem: string) => new DomainError("VALIDATION_FAILED", `${field}: ${problem}`, { [field]: problem });

/** Which fields each type takes; anything else is refused (Binance -1106). */
export function checkOrderShape(r: OrderRequest): void {
  const not = (field: string, given: unknown) => {
    if (given !== undefined) throw invalid(field, `is not taken by ${r.type} orders`);
  };
  const need = (field: string, given: unknown) => {
    if (given === undefined) throw invalid(field, `is required for ${r.type} orders`);
  };
  if (r.type === "MARKET") {
    if ((r.amount === undefined) === (r.quoteAmount === undefined)) throw invalid("amount", "send exactly one of amount and quote_amount");
    not("price", r.price);
    not("stop_price", r.stopPrice);
    not("trailing_delta", r.trailingDelta);
    not("activation_price", r.activationPrice);
    not("time_in_force", r.timeInForce);
    return;
  }
  need("amount", r.amount);
  not("quote_amount", r.quoteAmount);
  if (hasLimitPrice(r.type)) need("price", r.price);
  else not("price", r.price);
  if (r.type === "LIMIT_MAKER" || !hasLimitPrice(r.type)) not("time_in_force", r.timeInForce);
  if (!isStopType(r.type)) {
    not("stop_price", r.stopPrice);
    not("trailing_delta", r.trailingDelta);
    not("activation_price", r.activationPrice);
    return;
  }
  if (r.trailingDelta === undefined) {
    need("stop_price", r.stopPrice);
    not("activation_price", r.activationPrice);
  } else {
    if (!Number.isInteger(r.trailingDelta) || r.trailingDelta < MIN_TRAILING_DELTA || r.trailingDelta > MAX_TRAILING_DELTA) {
      throw invalid("trailing_delta", `must be a whole number of basis points from ${MIN_TRAILING_DELTA} to ${MAX_TRAILING_DELTA}`);
    }
    if (r.stopPrice !== undefined && r.activationPrice !== undefined) throw invalid("activation_price", "send stop_price or activation_price with trailing_delta, not both");
  }
}

function assertStep(pair: Pair, amount: bigint, field: string): void {
  if (amount % pair.step !== 0n) throw invalid(field, `must be a multiple of ${formatUnits(pair.step)} ${pair.base} for ${pair.symbol}`);
}

/** What the request does at the last trade price `last`. Throws the rule errors (422) and shape errors (400),
 *  MAX_NOTIONAL_EXCEEDED included (lib/trading/amount-bounds.ts). */
export function planOrder(r: OrderRequest, last: bigint, fees: FeeRates = PLATFORM_FEES): OrderPlan {
  const plan = planUnbounded(r, last, fees);
  assertNotional(r.pair, plan.amounts.quote);
  return plan;
}

function planUnbounded(r: OrderRequest, last: bigint, fees: FeeRates): OrderPlan {
  checkOrderShape(r);
  const lockCoin = lockCoinOf(r.pair, r.side);
  const taker = fees.taker;
  const lockRate = fees.maker > fees.taker ? fees.maker : fees.taker;
  const base = { timeInForce: null, stopPrice: r.stopPrice ?? null, activationPrice: null, watermark: null } as const;

  if (r.type === "MARKET") {
    let amount = r.amount ?? 0n;
    if (r.quoteAmount !== undefined) {
      const raw = divUnits(r.quoteAmount, last, "down");
      amount = raw - (raw % r.pair.step);
      if (amount <= 0n) throw invalid("quote_amount", `is less than one lot step (${formatUnits(r.pair.step)} ${r.pair.base}) at ${formatUnits(last)}`);
      if (amount > MAX_INPUT) throw invalid("quote_amount", "buys more than 1000000000 at this price");
    } else assertStep(r.pair, amount, "amount");
    const amounts = tradeAmounts(r.side, amount, last, taker);
    if (amounts.net <= 0n) throw invalid("amount", "is too small to trade at this price");
    return { ...base, action: "fill", amount, price: last, maker: false, marketable: true, amounts, feeRate: taker, lock: { coin: lockCoin, amount: 0n } };
  }

  const amount = r.amount as bigint;
  assertStep(r.pair, amount, "amount");
  const tif: TimeInForce | null = r.type === "LIMIT" || r.type === "STOP_LOSS_LIMIT" || r.type === "TAKE_PROFIT_LIMIT" ? (r.timeInForce ?? "GTC") : null;

  if (r.type === "LIMIT" || r.type === "LIMIT_MAKER") {
    const limit = r.price as bigint;
    const marketable = r.side === "BUY" ? limit >= last : limit <= last;
    if (marketable && r.type === "LIMIT_MAKER") {
      throw new DomainError("WOULD_TAKE", `A LIMIT_MAKER ${r.side} at ${formatUnits(limit)} would trade at once against the last price ${formatUnits(last)}.`);
    }
    if (marketable) {
      const amounts = tradeAmounts(r.side, amount, last, taker);
      return { ...base, timeInForce: tif, action: "fill", amount, price: last, maker: false, marketable, amounts, feeRate: taker, lock: { coin: lockCoin, amount: 0n } };
    }
    const amounts = tradeAmounts(r.side, amount, limit, fees.maker);
    const action = tif === "IOC" || tif === "FOK" ? "expire" : "rest";
    const lock = action === "rest" ? lockOf(r.pair, r.side, amount, limit, lockRate).amount : 0n;
    return { ...base, timeInForce: tif, action, amount, price: limit, maker: true, marketable, amounts, feeRate: fees.maker, lock: { coin: lockCoin, amount: lock } };
  }

  // Stop types: the trigger must not be true at entry (Binance -2010 "Order would trigger immediately").
  const dir = directionOf(r.side, stopFamily(r.type));
  const activation = r.trailingDelta !== undefined ? (r.activationPrice ?? r.stopPrice ?? null) : null;
  const trigger = r.trailingDelta !== undefined ? activation : (r.stopPrice as bigint);
  if (trigger !== null && crosses(dir, trigger, last)) {
    const want = classifyStop(r.side, trigger, last) === stopFamily(r.type) ? "" : ` (a ${r.side} ${r.type} needs its trigger ${dir === "up" ? "above" : "below"} the last price)`;
    throw new DomainError("WOULD_TRIGGER_IMMEDIATELY", `The order would trigger immediately: the last price ${formatUnits(last)} has already crossed ${formatUnits(trigger)}${want}.`);
  }
  // Reference price of the lock: the limit price, else the stop, else (trailing) the first trigger.
  const ref = r.price ?? r.stopPrice ?? trailingTrigger(r.side, activation ?? last, r.trailingDelta ?? 0);
  const lockRef = r.trailingDelta !== undefined && r.side === "BUY" && r.price === undefined ? trailingTrigger("BUY", activation ?? last, r.trailingDelta) : ref;
  const maker = false;
  const amounts = tradeAmounts(r.side, amount, lockRef, maker ? fees.maker : taker);
  return {
    action: "rest",
    amount,
    price: lockRef,
    maker,
    marketable: false,
    amounts,
    feeRate: maker ? fees.maker : taker,
    lock: lockOf(r.pair, r.side, amount, lockRef, lockRate),
    timeInForce: tif,
    stopPrice: r.trailingDelta !== undefined ? null : (r.stopPrice ?? null),
    activationPrice: activation,
    watermark: r.trailingDelta !== undefined && activation === null ? last : null,
  };
}
