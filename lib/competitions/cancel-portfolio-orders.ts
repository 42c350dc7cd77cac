// Cancels every open order of some portfolios (a competition's end, a removed participant), each through
// the one cancel use case: its guarded OPEN -> CANCELLED transition returns its lock exactly once, and an
// order that a fill, an expiry or an OCO sibling closed first is simply skipped.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { cancelOrder } from "@/lib/trading/cancel-order";
import { chunks } from "./chunks";

export async function cancelPortfolioOrders({ portfolioIds, reason }: { portfolioIds: string[]; reason: string }): Promise<number> {
  if (portfolioIds.length === 0) return 0;
  const open: { id: string; portfolioId: string }[] = [];
  for (const ids of chunks(portfolioIds)) {
    open.push(...(await prisma.order.findMany({ where: { portfolioId: { in: ids }, status: "OPEN" }, select: { id: true, portfolioId: true }, orderBy: { id: "asc" } })));
  }
  let cancelled = 0;
  for (const o of open) {
    try {
      await cancelOrder({ portfolioId: o.portfolioId, orderId: o.id, reason });
      cancelled++;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === "ORDER_NOT_FOUND")) throw e;
    }
  }
  return cancelled;
}
