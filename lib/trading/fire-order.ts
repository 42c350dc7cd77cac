// Called by the market worker when a trade fires an open order (lib/trading/open-order.ts armOf):
//   resting limit         -> FILLED at its own limit price (maker)
//   stop / trailing stop  -> FILLED at the firing trade's price (taker; gaps are honoured)
//   stop-limit            -> marketable at that trade: FILLED there (taker); else IOC/FOK: EXPIRED;
//                            else it rests as a GTC limit at its price (TRIGGERED)
// Each outcome is one transaction guarded by the order's OPEN version; an OCO sibling is EXPIRED in the
// same transaction. A BUY that fills above its lock needs the difference from the free balance;
// without it the order ends REJECTED with its lock returned; so does a fill worth more than MAX_STORED (a gap
// far past the trigger).
import { marketNow } from "@/lib/market/market-clock";
import { atomic, type Step } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { findPair } from "@/lib/markets";
import { formatUnits } from "@/lib/money";
import { MAX_STORED } from "./amount-bounds";
import { balanceSteps, mergeChanges } from "./balance-steps";
import { siblingOf } from "./oco-legs";
import { armOf, type OpenOrder } from "./open-order";
import { closeWithSibling, OrderGone, type CloseOrder } from "./order-steps";
import { feeRate, tradeAmounts } from "./quote-costs";
import { lockChange, tradeChanges } from "./trade-changes";

export interface FireInput {
  order: OpenOrder;
  /** the firing trade */
  price: bigint;
  tradeId: string;
  tradeTime?: number;
}

export interface FireResult {
  outcome: "FILLED" | "REJECTED" | "EXPIRED" | "TRIGGERED" | "GONE";
  portfolioId: string;
  orderId: string;
  /** the sibling OCO leg this ended, if any */
  siblingId: string | null;
  /** TRIGGERED: the order as it now rests (to be armed again) */
  next?: OpenOrder;
}

class ShortOfFunds extends Error {}

export async function fireOrder({ order, price, tradeId }: FireInput): Promise<FireResult> {
  const pair = findPair(order.symbol);
  if (!pair) throw new DomainError("UNKNOWN_PAIR", `unknown pair ${order.symbol}`);
  const sibling = siblingOf(order.id, order.ocoId);
  const result = (outcome: FireResult["outcome"], next?: OpenOrder): FireResult => ({ outcome, portfolioId: order.portfolioId, orderId: order.id, siblingId: sibling, next });
  const lockCoin = order.lockCoin;
  const now = marketNow();
  const arm = armOf(order);
  const siblingEnd = sibling ? { id: sibling, status: "EXPIRED" as const, reason: "the other leg of its OCO fired" } : null;
  const unlock = lockChange(lockCoin, -order.lockAmount);

  const run = async (steps: Step[]): Promise<boolean> => {
    try {
      await atomic(steps);
      return true;
    } catch (e) {
      if (e instanceof OrderGone) return false;
      throw e;
    }
  };
  const close = (c: Omit<CloseOrder, "id" | "version" | "now">): Step[] =>
    closeWithSibling({ id: order.id, version: order.version, now, triggerTradeId: tradeId, triggerPrice: price, ...c }, siblingEnd, true);

  if (order.expiresAt != null && now >= order.expiresAt) {
    const ok = await run([...close({ status: "EXPIRED", reason: "its competition has ended" }), ...balanceSteps(order.portfolioId, order.id, [unlock], now)]);
    return result(ok ? "EXPIRED" : "GONE");
  }

  let fillAt = price;
  let maker = false;
  if (arm.kind === "limit" && order.limitPrice != null) {
    fillAt = order.limitPrice;
    maker = true;
  } else if (order.type === "SLL" || order.type === "TPL") {
    const limit = order.limitPrice ?? price;
    const marketable = order.side === "BUY" ? limit >= price : limit <= price;
    if (!marketable) {
      if (order.timeInForce === "IOC" || order.timeInForce === "FOK") {
        const ok = await run([
          ...close({ status: "EXPIRED", reason: `${order.timeInForce}: its limit could not fill at the trade that fired its stop` }),
          ...balanceSteps(order.portfolioId, order.id, [unlock], now),
        ]);
        return result(ok ? "EXPIRED" : "GONE");
      }
      const steps: Step[] = [
        {
          sql: `UPDATE "Order" SET "triggeredAt" = ?, "triggerPrice" = ?, "triggerTradeId" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" = ? AND "status" = 'OPEN' AND "version" = ?`,
          params: [BigInt(now), price, tradeId, BigInt(now), order.id, order.version],
          expect: { rows: 1, error: () => new OrderGone() },
        },
      ];
      if (siblingEnd) {
        steps.push({
          sql: `UPDATE "Order" SET "status" = 'EXPIRED', "reason" = ?, "closedAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" = ? AND "status" = 'OPEN'`,
          params: [siblingEnd.reason, BigInt(now), BigInt(now), siblingEnd.id],
        });
        if (siblingEnd.id < order.id) steps.reverse();
      }
      const ok = await run(steps);
      return ok ? result("TRIGGERED", { ...order, triggeredAt: now, version: order.version + 1, ocoId: order.ocoId }) : result("GONE");
    }
  }

  const t = tradeAmounts(order.side, order.amount, fillAt, order.feeRate ?? feeRate(maker));
  // A gap can price the fill far beyond any order's bound: such a fill is rejected, never written.
  const tooLarge = t.quote + t.fee > MAX_STORED;
  try {
    if (tooLarge) throw new ShortOfFunds();
    const ok = await run([
      ...close({ status: "FILLED", fillPrice: fillAt, quoteAmount: t.quote, fee: t.fee, maker }),
      ...balanceSteps(
        order.portfolioId,
        order.id,
        mergeChanges([unlock, ...tradeChanges(pair, order.side, order.amount, t)]),
        now,
        () => () => new ShortOfFunds(),
      ),
    ]);
    return result(ok ? "FILLED" : "GONE");
  } catch (e) {
    if (!(e instanceof ShortOfFunds)) throw e;
  }
  const ok = await run([
    ...close({
      status: "REJECTED",
      reason: tooLarge
        ? `at ${formatUnits(fillAt)} the fill would be worth ${formatUnits(t.quote)} ${pair.quote}, more than an account can hold`
        : `filled at ${formatUnits(fillAt)} above the locked funds and the free ${lockCoin} could not cover the difference`,
    }),
    ...balanceSteps(order.portfolioId, order.id, [unlock], now),
  ]);
  return result(ok ? "REJECTED" : "GONE");
}
