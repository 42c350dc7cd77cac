import { withPortfolio } from "@/lib/api/with-portfolio";
import { marketOrderBody } from "@/lib/api/order-schemas";
import { placeMarketOrder } from "@/lib/trading/place-market-order";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { presentMarketFill } from "@/lib/api/original-order-presenter";

// POST /api/order/market – buy or sell now at the last trade price
export const POST = withPortfolio(
  async ({ portfolio, body }) =>
    presentMarketFill(await placeMarketOrder({ portfolio, base: body.base, quote: body.quote, side: body.side, amount: body.b_amount })),
  { body: marketOrderBody },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
