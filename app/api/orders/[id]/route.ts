import { withUser } from "@/lib/api/handler";
import { presentOrder } from "@/lib/api/order-presenter";
import { cancelOrder } from "@/lib/trading/cancel-order";
import { getOrder } from "@/lib/trading/get-orders";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/orders/{id} – one of the user's orders
export const GET = withUser(async ({ user, params }) => presentOrder(await getOrder({ userId: user.id, orderId: (params.id ?? "").slice(0, 80) })));

// DELETE /api/orders/{id} – cancel an open order (an OCO leg cancels both; answers the leg asked for)
export const DELETE = withUser(async ({ user, params }) => presentOrder(await cancelOrder({ userId: user.id, orderId: (params.id ?? "").slice(0, 80) })));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, OPTIONS } = otherMethods("GET", "DELETE");
