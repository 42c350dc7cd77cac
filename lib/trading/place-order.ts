// POST /api/orders – place any order of the order set (lib/trading/order-plan.ts decides what it does at
// the last trade price): filled at once, resting with its lock, or EXPIRED (IOC/FOK). One transaction;
// the lock coin and amount are computed once, here, and stored on the order.
import { marketNow } from "@/lib/market/market-clock";
import { atomic, type Step } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { newId } from "@/lib/ids";
import { formatUnits } from "@/lib/money";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { marketEvents } from "@/lib/market/events";
import { metrics } from "@/lib/metrics";
import { assertCanTrade, feeRatesOf, orderTermsOf, ruleGuardSteps } from "@/lib/portfolio/trading-rules";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { announceOpenOrder } from "./announce-order";
import { balanceSteps } from "./balance-steps";
import { isDuplicateClientId, newClientOrderId } from "./client-order-id";
import { planOrder, type OrderPlan, type OrderRequest } from "./order-plan";
import type { OrderRecord } from "./order-record";
import { openOrderCapSteps } from "./open-order-cap";
import { insertOrderStep, type NewOrder } from "./order-steps";
import { TYPE_CODE } from "./order-types";
import { lockChange, tradeChanges } from "./trade-changes";

export interface PlaceOrderInput extends OrderRequest {
  portfolio: PortfolioScope;
  clientOrderId?: string;
}

export const duplicateClientId = (id: string) =>
  new DomainError("DUPLICATE_CLIENT_ORDER_ID", `You already have an open order with client_order_id ${id}.`, { client_order_id: "is already used by an open order" });

/** The row a plan inserts (for placement and the OCO legs). */
export function newOrderOf(input: PlaceOrderInput, plan: OrderPlan, id: string, clientOrderId: string, tradeId: string, now: number): NewOrder {
  const filled = plan.action === "fill";
  return {
    id, portfolioId: input.portfolio.id, pair: input.pair, side: input.side, type: TYPE_CODE[input.type],
    status: filled ? "FILLED" : plan.action === "expire" ? "EXPIRED" : "OPEN",
    amount: plan.amount, stopPrice: plan.stopPrice ?? undefined, lockCoin: plan.lock.coin,
    lockAmount: plan.action === "rest" ? plan.lock.amount : 0n,
    fillPrice: filled ? plan.price : undefined, quoteAmount: filled ? plan.amounts.quote : undefined, fee: filled ? plan.amounts.fee : undefined,
    maker: filled ? plan.maker : undefined, triggerTradeId: filled ? tradeId : undefined, clientOrderId,
    timeInForce: plan.timeInForce ?? undefined, limitPrice: input.price, quoteOrderQty: input.quoteAmount,
    trailingDelta: input.trailingDelta, activationPrice: plan.activationPrice ?? undefined, watermark: plan.watermark ?? undefined,
    reason: plan.action === "expire" ? `${plan.timeInForce}: could not fill at once at ${formatUnits(plan.price)}` : undefined,
    ...(filled ? {} : orderTermsOf(input.portfolio)),
    now,
  };
}

/** The record of an inserted row, without reading it back. */
export function recordOf(n: NewOrder, orderNo: number | null): OrderRecord {
  return {
    id: n.id, orderNo, clientOrderId: n.clientOrderId ?? null, symbol: n.pair.symbol, base: n.pair.base, quote: n.pair.quote,
    side: n.side, type: n.type, status: n.status, timeInForce: n.timeInForce ?? null, amount: n.amount,
    quoteOrderQty: n.quoteOrderQty ?? null, limitPrice: n.limitPrice ?? null, stopPrice: n.stopPrice ?? null,
    trailingDelta: n.trailingDelta ?? null, activationPrice: n.activationPrice ?? null, watermark: n.watermark ?? null,
    triggeredAt: null, ocoId: n.ocoId ?? null, listClientOrderId: n.listClientOrderId ?? null, fillPrice: n.fillPrice ?? null, quoteAmount: n.quoteAmount ?? null,
    fee: n.fee ?? null, maker: n.maker ?? null, lockCoin: n.lockCoin, lockAmount: n.lockAmount ?? 0n,
    reason: n.reason ?? null, feeRate: n.feeRate ?? null, expiresAt: n.expiresAt === undefined ? null : BigInt(n.expiresAt), createdAt: BigInt(n.now), updatedAt: BigInt(n.now), closedAt: n.status === "OPEN" ? null : BigInt(n.now),
  };
}

export function announceOrder(r: OrderRecord, portfolioId: string): void {
  metrics.ordersPlaced.inc({ type: r.type, outcome: r.status });
  if (r.status === "OPEN") {
    announceOpenOrder({
      id: r.id, portfolioId, symbol: r.symbol, side: r.side, type: r.type, amount: r.amount, stopPrice: r.stopPrice,
      lockAmount: r.lockAmount, lockCoin: r.lockCoin, limitPrice: r.limitPrice, timeInForce: r.timeInForce,
      trailingDelta: r.trailingDelta, activationPrice: r.activationPrice, watermark: r.watermark, triggeredAt: null,
      ocoId: r.ocoId, feeRate: r.feeRate, expiresAt: r.expiresAt === null ? null : Number(r.expiresAt), version: 0,
    });
  }
  marketEvents.emit("order-changed", { portfolioId, orderId: r.id });
}

export async function placeOrder(input: PlaceOrderInput): Promise<OrderRecord> {
  const now = marketNow();
  assertCanTrade(input.portfolio, input.pair.symbol, now);
  const last = await getFreshPrice(input.pair.symbol);
  const plan = planOrder(input, last.price, feeRatesOf(input.portfolio));
  const id = newId();
  const portfolioId = input.portfolio.id;
  const clientOrderId = input.clientOrderId ?? newClientOrderId();
  let orderNo: number | null = null;
  const row = { ...newOrderOf(input, plan, id, clientOrderId, last.tradeId, now), onOrderNo: (n: number) => (orderNo = n) };
  const money: Step[] =
    plan.action === "fill"
      ? balanceSteps(portfolioId, id, tradeChanges(input.pair, input.side, plan.amount, plan.amounts), now)
      : plan.action === "rest"
        ? balanceSteps(portfolioId, id, [lockChange(plan.lock.coin, plan.lock.amount)], now)
        : [];
  try {
    const cap = plan.action === "rest" ? openOrderCapSteps(portfolioId, input.pair.symbol) : [];
    await atomic([...ruleGuardSteps(input.portfolio, now), ...cap, ...money, insertOrderStep(row)]);
  } catch (e) {
    if (isDuplicateClientId(e)) throw duplicateClientId(clientOrderId);
    throw e;
  }
  const record = recordOf(row, orderNo);
  announceOrder(record, portfolioId);
  return record;
}
