// An open stop order of this portfolio, as read before a change (its version guards the change).
import { prisma } from "@/lib/db";
import { orderNotFound } from "./order-steps";
import type { OpenOrder } from "./open-order";
import type { Side, StopType } from "./stop-order";

export interface OpenOrderRow extends OpenOrder {
  base: string;
  quote: string;
  lockCoin: string;
  stopPrice: bigint;
  type: StopType;
}

export async function findOpenStopOrder(portfolioId: string, id: string): Promise<OpenOrderRow> {
  const o = await prisma.order.findFirst({
    where: { id, portfolioId, status: "OPEN", archived: false, type: { in: ["SL", "TP"] }, trailingDelta: null, ocoId: null },
    select: { id: true, portfolioId: true, symbol: true, base: true, quote: true, side: true, type: true, amount: true, stopPrice: true, lockCoin: true, lockAmount: true, feeRate: true, expiresAt: true, version: true },
  });
  if (!o || o.stopPrice === null || o.lockCoin === null) throw orderNotFound(id);
  return { ...o, side: o.side as Side, type: o.type as StopType, stopPrice: o.stopPrice, lockCoin: o.lockCoin, expiresAt: o.expiresAt === null ? null : Number(o.expiresAt) };
}
