import { withUser } from "@/lib/api/handler";
import { resetAccount } from "@/lib/trading/reset-account";

// PUT /api/reset – cancel open orders, restore the starting balance, empty the order lists
export const PUT = withUser(async ({ user }) => resetAccount({ userId: user.id }));
