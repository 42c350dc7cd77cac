// The cap on open orders (Binance's MAX_NUM_ORDERS per symbol, 200 there): MAX_OPEN_ORDERS_PER_SYMBOL per
// pair and MAX_OPEN_ORDERS per portfolio. Any use case that opens an order puts these steps first in its
// atomic unit; a full cap rolls the unit back with 422 TOO_MANY_OPEN_ORDERS before anything is locked.
// Exact under concurrency on both databases: the first step locks the portfolio row (an UPDATE changing
// nothing, a statement of its own), so on PostgreSQL concurrent placements on one portfolio queue there; the
// counts are read-only guards folded into the next statement with the rest of the unit (lib/atomic-fold.ts),
// whose fresh READ COMMITTED snapshot, taken once the lock is held, sees the orders the previous placements
// committed (a count inside the locking statement would keep its stale snapshot). So a resting order is
// BEGIN, the lock, one statement, COMMIT. SQLite runs the unit under BEGIN IMMEDIATE anyway.
import type { Step } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { env } from "@/lib/env";

export function openOrderCapSteps(portfolioId: string, symbol: string): Step[] {
  const perSymbol = env.MAX_OPEN_ORDERS_PER_SYMBOL;
  const total = env.MAX_OPEN_ORDERS;
  const gone = () => new DomainError("PORTFOLIO_NOT_FOUND", "This portfolio no longer exists.");
  return [
    { sql: `UPDATE "Portfolio" SET "name" = "name" WHERE "id" = ?`, params: [portfolioId], expect: { rows: 1, error: gone } },
    {
      sql: `SELECT 1 AS "ok" WHERE (SELECT COUNT(*) FROM "Order" WHERE "portfolioId" = ? AND "status" = 'OPEN' AND "symbol" = ?) < ?`,
      params: [portfolioId, symbol, perSymbol],
      fold: {},
      expect: {
        rows: 1,
        error: () =>
          new DomainError("TOO_MANY_OPEN_ORDERS", `You already have ${perSymbol} open orders on ${symbol}, the most allowed: cancel one first.`),
      },
    },
    {
      sql: `SELECT 1 AS "ok" WHERE (SELECT COUNT(*) FROM "Order" WHERE "portfolioId" = ? AND "status" = 'OPEN') < ?`,
      params: [portfolioId, total],
      fold: {},
      expect: {
        rows: 1,
        error: () => new DomainError("TOO_MANY_OPEN_ORDERS", `You already have ${total} open orders, the most allowed per portfolio: cancel one first.`),
      },
    },
  ];
}
