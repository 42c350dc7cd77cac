// PUT /api/reset – back to the start: open orders of every type cancelled (their locks vanish with the reset), every
// balance set to the starting balance, order lists emptied (orders archived). The ledger keeps all old
// entries and records the reset itself, so it still sums to the balances.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { prisma } from "@/lib/db";
import { QUOTE_COIN, STARTING_BALANCE } from "@/lib/markets";
import { marketEvents } from "@/lib/market/events";
import { announceClosedOrder } from "./announce-order";

export async function resetAccount({ userId }: { userId: string }) {
  const open = await prisma.order.findMany({ where: { userId, status: "OPEN" }, select: { id: true, symbol: true } });
  const now = BigInt(marketNow());
  const target = `CASE WHEN "coin" = ? THEN CAST(? AS BIGINT) ELSE 0 END`;
  // Row locks are taken in the one global order of the money path: order rows (by id) first, then the
  // balance rows. Fills and cancels do the same (order row, then balances), so on PostgreSQL a reset
  // racing them waits instead of deadlocking (it used to lock the balances first).
  await atomic([
    // Fills racing with this reset lose: their OPEN -> FILLED transition finds CANCELLED.
    {
      sql: `UPDATE "Order" SET "status" = 'CANCELLED', "reason" = 'account reset', "closedAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "userId" = ? AND "status" = 'OPEN'`,
      pgSql: `UPDATE "Order" SET "status" = 'CANCELLED', "reason" = 'account reset', "closedAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" IN (SELECT "id" FROM "Order" WHERE "userId" = ? AND "status" = 'OPEN' ORDER BY "id" FOR UPDATE)`,
      params: [now, now, userId],
    },
    { sql: `UPDATE "Order" SET "archived" = true WHERE "userId" = ? AND "archived" = false`, params: [userId] },
    // Then the balance rows, in coin order, so the ledger rows below see what we overwrite.
    {
      sql: `UPDATE "Balance" SET "locked" = "locked" WHERE "userId" = ?`,
      pgSql: `SELECT "coin" FROM "Balance" WHERE "userId" = ? ORDER BY "coin" FOR UPDATE`,
      params: [userId],
    },
    {
      sql: `INSERT INTO "LedgerEntry" ("userId","coin","kind","deltaFree","deltaLocked","orderId","createdAt")
            SELECT "userId", "coin", 'RESET', ${target} - "free", -"locked", NULL, ? FROM "Balance" WHERE "userId" = ?`,
      params: [QUOTE_COIN, STARTING_BALANCE, now, userId],
    },
    { sql: `UPDATE "Balance" SET "free" = ${target}, "locked" = 0 WHERE "userId" = ?`, params: [QUOTE_COIN, STARTING_BALANCE, userId] },
  ]);
  for (const o of open) {
    announceClosedOrder(o.id, o.symbol);
    marketEvents.emit("order-changed", { userId, orderId: o.id });
  }
  return { msg: "Account reset successful" };
}
