// The user data stream's event after an account reset: every coin's balance (outboundAccountPosition).
// The cancelled open orders report themselves one by one (order-update-events.ts).
import { prisma } from "@/lib/db";
import { accountPosition } from "./account-position";

export async function accountResetEvents({ portfolioId, now = Date.now() }: { portfolioId: string; now?: number }): Promise<object[]> {
  const balances = await prisma.balance.findMany({ where: { portfolioId }, select: { coin: true, free: true, locked: true }, orderBy: { coin: "asc" } });
  return [accountPosition(balances, { now, updatedAt: now })];
}
