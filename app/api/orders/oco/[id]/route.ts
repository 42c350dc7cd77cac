import { withPortfolio } from "@/lib/api/with-portfolio";
import { presentOrder } from "@/lib/api/order-presenter";
import { cancelOcoOrder } from "@/lib/trading/cancel-order";
import { otherMethods } from "@/lib/api/method-not-allowed";

// DELETE /api/orders/oco/{oco_id} – cancel both legs of an OCO
export const DELETE = withPortfolio(async ({ portfolio, params }) => {
  const r = await cancelOcoOrder({ portfolioId: portfolio.id, ocoId: (params.id ?? "").slice(0, 80) });
  return { oco_id: r.ocoId, orders: r.orders.map(presentOrder) };
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
