import { withPortfolio } from "@/lib/api/with-portfolio";
import { AppError } from "@/lib/api/errors";
import { cancelStopBody, modifyStopBody, stopOrderBody } from "@/lib/api/order-schemas";
import { cancelStopOrder } from "@/lib/trading/cancel-stop-order";
import { modifyStopOrder } from "@/lib/trading/modify-stop-order";
import { placeStopOrder } from "@/lib/trading/place-stop-order";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { presentStopCancelled, presentStopModified, presentStopPlaced } from "@/lib/api/original-order-presenter";

// POST /api/order/stoploss – place a stop order (SL or TP by the current price), locking its funds
export const POST = withPortfolio(
  async ({ portfolio, body }) =>
    presentStopPlaced(await placeStopOrder({ portfolio, base: body.base, quote: body.quote, side: body.side, amount: body.b_amount, stop: body.stop })),
  { body: stopOrderBody, status: 201 },
);

// PUT /api/order/stoploss – change the amount and/or stop of an open stop order
export const PUT = withPortfolio(
  async ({ portfolio, body }) => presentStopModified(await modifyStopOrder({ portfolio, orderId: body.order_id, amount: body.b_amount, stop: body.stop })),
  { body: modifyStopBody },
);

// DELETE /api/order/stoploss – cancel an open stop order (order_id in the body or the query)
export const DELETE = withPortfolio(
  async ({ portfolio, body, req }) => {
    const orderId = body.order_id ?? new URL(req.url).searchParams.get("order_id");
    if (!orderId) throw new AppError("VALIDATION_FAILED", "order_id: is required", { order_id: "is required" });
    return presentStopCancelled(await cancelStopOrder({ portfolioId: portfolio.id, orderId }));
  },
  { body: cancelStopBody },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PATCH, OPTIONS } = otherMethods("POST", "PUT", "DELETE");
