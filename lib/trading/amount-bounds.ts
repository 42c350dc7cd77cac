// Bounds on every amount an order derives (api.md bounds what a client sends at 1e9, but amount x price
// reaches 1e18 coins, far past what a 64-bit column holds: 9.2e18 units = 9.2e10 coins).
// - An order's quote amount (cost, proceeds, lock at the stop) is at most 1,000,000,000 of the quote coin
//   (Binance's maxNotional): 422 MAX_NOTIONAL_EXCEEDED, checked before any SQL.
// - A fill whose quote amount at the fill price passes MAX_STORED (a gap) is rejected, its lock returned.
// - A balance never passes MAX_BALANCE (the guarded UPDATE in balance-steps.ts refuses: 422 BALANCE_LIMIT).
// With these, every value bound to SQL stays well inside int64.
import { DomainError } from "@/lib/domain-error";
import type { Pair } from "@/lib/markets";
import { formatUnits, MAX_INPUT } from "@/lib/money";

/** Largest quote amount of an order, in units of the quote coin (1e9 coins). */
export const MAX_NOTIONAL = MAX_INPUT;
/** Largest single amount written to the database by a fill (1e10 coins). */
export const MAX_STORED = 10n ** 18n;
/** Largest free or locked balance of one coin (4e10 coins); int64 ends at 9.2e18 units. */
export const MAX_BALANCE = 4n * 10n ** 18n;

/** 422 when an order's quote amount (at the market or stop price) passes MAX_NOTIONAL. */
export function assertNotional(pair: Pair, quote: bigint): void {
  if (quote <= MAX_NOTIONAL) return;
  throw new DomainError(
    "MAX_NOTIONAL_EXCEEDED",
    `An order may be worth at most ${formatUnits(MAX_NOTIONAL)} ${pair.quote}; this one is worth ${formatUnits(quote)} ${pair.quote}.`,
  );
}
