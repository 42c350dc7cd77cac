import { withPortfolio } from "@/lib/api/with-portfolio";
import { getWallet } from "@/lib/trading/get-wallet";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/wallet – balances, locked funds, portfolio value and profit
export const GET = withPortfolio(async ({ portfolio, user }) => getWallet({ portfolioId: portfolio.id, startingBalance: portfolio.startingBalance, email: user.email }));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
