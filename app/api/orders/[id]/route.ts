import { withPortfolio } from "@/lib/api/with-portfolio";
import { presentOrder } from "@/lib/api/order-presenter";
import { cancelOrder } from "@/lib/trading/cancel-order";
import { getOrder } from "@/lib/trading/get-orders";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/orders/{id} – one of the user's orders
export const GET = withPortfolio(async ({ portfolio, params }) => presentOrder(await getOrder({ portfolioId: portfolio.id, orderId: (params.id ?? "").slice(0, 80) })));

// DELETE /api/orders/{id} – cancel an open order (an OCO leg cancels both; answers the leg asked for)
export const DELETE = withPortfolio(async ({ portfolio, params }) => presentOrder(await cancelOrder({ portfolioId: portfolio.id, orderId: (params.id ?? "").slice(0, 80) })));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, OPTIONS } = otherMethods("GET", "DELETE");
