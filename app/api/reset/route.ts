import { withUser } from "@/lib/api/handler";
import { resetAccount } from "@/lib/trading/reset-account";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { RESET_DONE } from "@/lib/api/original-order-presenter";

// PUT /api/reset – cancel open orders, restore the starting balance, empty the order lists
export const PUT = withUser(async ({ user }) => {
  await resetAccount({ userId: user.id });
  return RESET_DONE;
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
