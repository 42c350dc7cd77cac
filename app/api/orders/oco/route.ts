import { withPortfolio } from "@/lib/api/with-portfolio";
import { idempotent } from "@/lib/api/idempotency";
import { ocoOrderBody } from "@/lib/api/native-order-schemas";
import { presentOrder } from "@/lib/api/order-presenter";
import { placeOcoOrder } from "@/lib/trading/place-oco-order";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/orders/oco – a limit leg and a stop leg under one lock (Idempotency-Key honoured)
export const POST = withPortfolio(
  async ({ portfolio, user, body, req }) =>
    idempotent({ userId: user.id, portfolioId: portfolio.id, call: "POST /api/orders/oco", params: body }, req.headers.get("idempotency-key"), async () => {
      const r = await placeOcoOrder({
        portfolio, pair: body.symbol, side: body.side, amount: body.amount, price: body.price, stopPrice: body.stop_price,
        stopLimitPrice: body.stop_limit_price, trailingDelta: body.trailing_delta, timeInForce: body.time_in_force,
        clientOrderId: body.client_order_id,
      });
      return { status: 201, body: { oco_id: r.ocoId, orders: r.orders.map(presentOrder) } };
    }),
  { body: ocoOrderBody },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
