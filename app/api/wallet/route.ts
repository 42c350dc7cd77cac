import { withUser } from "@/lib/api/handler";
import { getWallet } from "@/lib/trading/get-wallet";

// GET /api/wallet – balances, locked funds, portfolio value and profit
export const GET = withUser(async ({ user }) => getWallet({ userId: user.id, email: user.email }));
