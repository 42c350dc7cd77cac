// The balance changes of a fill: what leaves and what arrives, with its ledger rows.
import type { Pair } from "@/lib/markets";
import { freeChange, mergeChanges, type BalanceChange } from "./balance-steps";
import type { TradeAmounts } from "./quote-costs";
import type { Side } from "./stop-order";

export function tradeChanges(pair: Pair, side: Side, amount: bigint, t: TradeAmounts): BalanceChange[] {
  if (side === "BUY") {
    return mergeChanges([
      freeChange(pair.quote, "TRADE", -t.quote),
      freeChange(pair.quote, "FEE", -t.fee),
      freeChange(pair.base, "TRADE", amount),
    ]);
  }
  return mergeChanges([
    freeChange(pair.base, "TRADE", -amount),
    freeChange(pair.quote, "TRADE", t.quote),
    freeChange(pair.quote, "FEE", -t.fee),
  ]);
}

/** Releasing (positive) or taking (negative amount) a lock: free and locked move in opposite directions. */
export function lockChange(coin: string, amount: bigint): BalanceChange {
  const kind = amount >= 0n ? "LOCK" : "UNLOCK";
  return { coin, free: -amount, locked: amount, entries: [{ kind, free: -amount, locked: amount }] };
}
