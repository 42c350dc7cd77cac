import { withPortfolio } from "@/lib/api/with-portfolio";
import { orderRequestOf, placeOrderBody } from "@/lib/api/native-order-schemas";
import { unitsToNumber } from "@/lib/money";
import { previewOrder } from "@/lib/trading/preview-order";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/orders/preview – what an order would do now: price, fee, lock, marketable (no balance check)
export const POST = withPortfolio(
  async ({ portfolio, body }) => {
    const p = await previewOrder(orderRequestOf(body), portfolio);
    return {
      price: unitsToNumber(p.price),
      amount: unitsToNumber(p.amount),
      quote_amount: unitsToNumber(p.amounts.quote),
      fee: unitsToNumber(p.amounts.fee),
      fee_rate: unitsToNumber(p.feeRate),
      maker: p.maker,
      lock: { coin: p.lock.coin, amount: unitsToNumber(p.lock.amount) },
      marketable: p.marketable,
      action: p.action,
    };
  },
  { body: placeOrderBody },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
