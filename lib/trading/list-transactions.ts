// GET /api/transactions/open and /closed[/{coin}] – the user's orders as the original's `tx` rows,
// newest first. Closed lists show filled orders unless `status=all` asks for cancelled and rejected too.
import { prisma } from "@/lib/db";
import { unitsToNumber } from "@/lib/money";
import { PAGE_LIMIT_DEFAULT, toPage } from "@/lib/api/paging";

type OrderRow = Awaited<ReturnType<typeof findOrders>>[number];

function findOrders(where: object, take?: number, skip?: number) {
  return prisma.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    skip,
    select: {
      id: true, symbol: true, base: true, quote: true, side: true, type: true, status: true, amount: true, stopPrice: true,
      fillPrice: true, quoteAmount: true, fee: true, lockAmount: true, createdAt: true, closedAt: true, reason: true,
      limitPrice: true, trailingDelta: true,
    },
  });
}

const num = (v: bigint | null) => (v === null ? null : unitsToNumber(v));

export function toTx(o: OrderRow) {
  const at = new Date(Number(o.closedAt ?? o.createdAt));
  const iso = at.toISOString();
  return {
    order_id: o.id,
    symbol: o.symbol,
    base: o.base,
    quote: o.quote,
    b_amount: unitsToNumber(o.amount),
    // open: the limit price, else the stop; closed: the fill price
    price: o.status === "OPEN" ? num(o.limitPrice ?? o.stopPrice) : num(o.fillPrice ?? o.limitPrice ?? o.stopPrice),
    ...(o.type !== "M" && o.type !== "L" && o.type !== "LM" ? { stop: num(o.stopPrice) } : {}),
    ...(o.trailingDelta !== null ? { trailing_delta: o.trailingDelta } : {}),
    date: iso.slice(0, 10),
    time: iso.slice(11, 19),
    timestamp: iso,
    order_type: o.type,
    side: o.side,
    status: o.status,
    ...(o.status === "OPEN" ? { fixed: unitsToNumber(o.lockAmount) } : {}),
    ...(o.quoteAmount !== null ? { q_amount: unitsToNumber(o.quoteAmount) } : {}),
    ...(o.fee !== null ? { fee: unitsToNumber(o.fee) } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
  };
}

export interface ListQuery {
  userId: string;
  /** page size (default 200) and start; the answer's `paging` says where the next page starts */
  limit?: number;
  offset?: number;
}

export async function listOpenOrders({ userId, limit = PAGE_LIMIT_DEFAULT, offset = 0 }: ListQuery) {
  const { items, paging } = toPage(await findOrders({ userId, status: "OPEN", archived: false }, limit + 1, offset), { limit, offset });
  return { open: items.map(toTx), paging };
}

export interface ClosedQuery extends ListQuery {
  coin?: string;
  all?: boolean;
}

export async function listClosedOrders({ userId, coin, all, limit = PAGE_LIMIT_DEFAULT, offset = 0 }: ClosedQuery) {
  const where = {
    userId,
    archived: false,
    status: all ? { in: ["FILLED", "CANCELLED", "REJECTED", "EXPIRED"] } : "FILLED",
    ...(coin ? { OR: [{ base: coin }, { quote: coin }] } : {}),
  };
  const { items, paging } = toPage(await findOrders(where, limit + 1, offset), { limit, offset });
  return { closed: items.map(toTx), paging };
}
