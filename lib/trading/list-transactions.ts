// GET /api/transactions/open and /closed[/{coin}] – the user's orders, newest first, a page at a time.
// Closed lists hold filled orders unless `all` asks for cancelled, rejected and expired ones too.
import { prisma } from "@/lib/db";
import { PAGE_LIMIT_DEFAULT, toPage, type Paging } from "@/lib/paging";
import { asRecord, ORDER_SELECT, type OrderRecord } from "./order-record";

async function findOrders(where: object, take: number, skip: number): Promise<OrderRecord[]> {
  const rows = await prisma.order.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, skip, select: ORDER_SELECT });
  return rows.map(asRecord);
}

export interface ListQuery {
  portfolioId: string;
  /** page size (default 200) and start; the answer's `paging` says where the next page starts */
  limit?: number;
  offset?: number;
}

export interface OrderPage {
  orders: OrderRecord[];
  paging: Paging;
}

export async function listOpenOrders({ portfolioId, limit = PAGE_LIMIT_DEFAULT, offset = 0 }: ListQuery): Promise<OrderPage> {
  const { items, paging } = toPage(await findOrders({ portfolioId, status: "OPEN", archived: false }, limit + 1, offset), { limit, offset });
  return { orders: items, paging };
}

export interface ClosedQuery extends ListQuery {
  coin?: string;
  all?: boolean;
}

export async function listClosedOrders({ portfolioId, coin, all, limit = PAGE_LIMIT_DEFAULT, offset = 0 }: ClosedQuery): Promise<OrderPage> {
  const where = {
    portfolioId,
    archived: false,
    status: all ? { in: ["FILLED", "CANCELLED", "REJECTED", "EXPIRED"] } : "FILLED",
    ...(coin ? { OR: [{ base: coin }, { quote: coin }] } : {}),
  };
  const { items, paging } = toPage(await findOrders(where, limit + 1, offset), { limit, offset });
  return { orders: items, paging };
}
