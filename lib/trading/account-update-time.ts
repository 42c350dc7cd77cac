// When the user's balances last changed (ms): the newest ledger entry, 0 when none.
import { prisma } from "@/lib/db";

export async function accountUpdateTime({ portfolioId }: { portfolioId: string }): Promise<number> {
  const r = await prisma.ledgerEntry.aggregate({ where: { portfolioId }, _max: { createdAt: true } });
  return Number(r._max.createdAt ?? 0n);
}
