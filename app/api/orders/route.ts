import { withPortfolio } from "@/lib/api/with-portfolio";
import { idempotent } from "@/lib/api/idempotency";
import { listOrdersQuery, orderRequestOf, placeOrderBody } from "@/lib/api/native-order-schemas";
import { presentOrder } from "@/lib/api/order-presenter";
import { listOrders } from "@/lib/trading/get-orders";
import { placeOrder } from "@/lib/trading/place-order";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/orders – place an order of any type (Idempotency-Key honoured for 24 h)
export const POST = withPortfolio(
  async ({ portfolio, user, body, req }) =>
    idempotent({ userId: user.id, portfolioId: portfolio.id, call: "POST /api/orders", params: body }, req.headers.get("idempotency-key"), async () => ({
      status: 201,
      body: presentOrder(await placeOrder({ portfolio, ...orderRequestOf(body) })),
    })),
  { body: placeOrderBody },
);

// GET /api/orders – the user's orders, newest first, paged by next_cursor
export const GET = withPortfolio(
  async ({ portfolio, query }) => {
    const r = await listOrders({ portfolioId: portfolio.id, status: query.status, symbol: query.symbol?.symbol, limit: query.limit, cursor: query.cursor });
    return { orders: r.orders.map(presentOrder), next_cursor: r.nextCursor === null ? null : String(r.nextCursor) };
  },
  { query: listOrdersQuery },
);

// Any other method: a JSON 405 with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
