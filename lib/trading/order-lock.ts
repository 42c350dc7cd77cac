// The one rule for what an order locks while it waits: a BUY the quote coin, its cost at the reference
// price plus the fee; a SELL the base coin, its amount. Computed once, at placement (or modify), and
// stored on the order (lockCoin, lockAmount): cancels, fills and expiries release the stored lock.
import { FEE_RATE_MAKER, FEE_RATE_TAKER, type Pair } from "@/lib/markets";
import type { Side } from "./order-types";
import { tradeAmounts } from "./quote-costs";

export interface Lock {
  coin: string;
  amount: bigint;
}

/** The fee rate a lock reserves by default: a resting order may fill either way. */
export const LOCK_FEE_RATE = FEE_RATE_MAKER > FEE_RATE_TAKER ? FEE_RATE_MAKER : FEE_RATE_TAKER;

export const lockCoinOf = (pair: Pair, side: Side): string => (side === "BUY" ? pair.quote : pair.base);

/** `feeRate`: the original's stop orders always fill as takers and reserve the taker fee. */
export function lockOf(pair: Pair, side: Side, amount: bigint, price: bigint, feeRate: bigint = LOCK_FEE_RATE): Lock {
  return { coin: lockCoinOf(pair, side), amount: side === "BUY" ? tradeAmounts("BUY", amount, price, feeRate).net : amount };
}
