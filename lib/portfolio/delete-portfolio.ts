// DELETE /api/portfolios/{id} – a practice portfolio and everything in it (balances, orders, ledger,
// snapshots, the API keys bound to it). The main portfolio and competition portfolios cannot be deleted.
// After commit: its open orders are disarmed in every worker and its keys' cached secrets dropped.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { marketEvents } from "@/lib/market/events";
import { announceClosedOrder } from "@/lib/trading/announce-order";

export async function deletePortfolio({ userId, portfolioId }: { userId: string; portfolioId: string }): Promise<void> {
  const p = await prisma.portfolio.findFirst({ where: { id: portfolioId, userId }, select: { kind: true } });
  if (!p) throw new DomainError("PORTFOLIO_NOT_FOUND", "You have no portfolio with this id.");
  if (p.kind !== "PRACTICE") {
    throw new DomainError("BUSINESS_RULE", p.kind === "MAIN" ? "The main portfolio cannot be deleted (reset it instead)." : "A competition's portfolio cannot be deleted.");
  }
  const [open, keys] = await Promise.all([
    prisma.order.findMany({ where: { portfolioId, status: "OPEN" }, select: { id: true, symbol: true } }),
    prisma.apiKey.findMany({ where: { portfolioId }, select: { id: true } }),
  ]);
  const gone = await prisma.portfolio.deleteMany({ where: { id: portfolioId, userId, kind: "PRACTICE" } });
  if (gone.count !== 1) throw new DomainError("PORTFOLIO_NOT_FOUND", "You have no portfolio with this id.");
  for (const o of open) announceClosedOrder(o.id, o.symbol);
  for (const k of keys) marketEvents.emit("api-key-revoked", { userId, keyId: k.id });
}
