// PUT /api/reset – one portfolio back to its start: open orders of every type cancelled (their locks vanish with the reset), every
// balance set to the starting balance, order lists emptied (orders archived). The ledger keeps all old
// entries and records the reset itself, so it still sums to the balances.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { marketEvents } from "@/lib/market/events";
import { announceClosedOrder } from "./announce-order";
import { resetBalanceSteps } from "./balance-steps";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { assertCanReset, ruleGuardSteps } from "@/lib/portfolio/trading-rules";

export async function resetAccount({ portfolio }: { portfolio: PortfolioScope }): Promise<void> {
  const portfolioId = portfolio.id;
  assertCanReset(portfolio, marketNow());
  const open = await prisma.order.findMany({ where: { portfolioId, status: "OPEN" }, select: { id: true, symbol: true } });
  const now = BigInt(marketNow());
  // Row locks are taken in the one global order of the money path: order rows (by id) first, then the
  // balance rows. Fills and cancels do the same (order row, then balances), so on PostgreSQL a reset
  // racing them waits instead of deadlocking (it used to lock the balances first).
  await atomic([
    ...ruleGuardSteps(portfolio, Number(now)),
    // Fills racing with this reset lose: their OPEN -> FILLED transition finds CANCELLED.
    {
      sql: `UPDATE "Order" SET "status" = 'CANCELLED', "reason" = 'account reset', "closedAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "portfolioId" = ? AND "status" = 'OPEN'`,
      pgSql: `UPDATE "Order" SET "status" = 'CANCELLED', "reason" = 'account reset', "closedAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" IN (SELECT "id" FROM "Order" WHERE "portfolioId" = ? AND "status" = 'OPEN' ORDER BY "id" FOR UPDATE)`,
      params: [now, now, portfolioId],
    },
    { sql: `UPDATE "Order" SET "archived" = true WHERE "portfolioId" = ? AND "archived" = false`, params: [portfolioId] },
    // Then the balance rows, in coin order, with the ledger rows of what the reset overwrites.
    ...resetBalanceSteps(portfolioId, Number(now), portfolio.startingBalance),
  ]);
  for (const o of open) {
    announceClosedOrder(o.id, o.symbol);
    marketEvents.emit("order-changed", { portfolioId, orderId: o.id });
  }
  marketEvents.emit("account-reset", { portfolioId });
}
