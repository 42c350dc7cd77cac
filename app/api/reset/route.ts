import { withUser } from "@/lib/api/handler";
import { resetAccount } from "@/lib/trading/reset-account";
import { otherMethods } from "@/lib/api/method-not-allowed";

// PUT /api/reset – cancel open orders, restore the starting balance, empty the order lists
export const PUT = withUser(async ({ user }) => resetAccount({ userId: user.id }));

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
