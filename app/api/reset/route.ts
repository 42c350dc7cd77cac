import { withPortfolio } from "@/lib/api/with-portfolio";
import { resetAccount } from "@/lib/trading/reset-account";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { RESET_DONE } from "@/lib/api/original-order-presenter";

// PUT /api/reset – cancel open orders, restore the starting balance, empty the order lists
export const PUT = withPortfolio(async ({ portfolio }) => {
  await resetAccount({ portfolio });
  return RESET_DONE;
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
