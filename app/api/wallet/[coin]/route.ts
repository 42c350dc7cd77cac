import { withPortfolio } from "@/lib/api/with-portfolio";
import { AppError } from "@/lib/api/errors";
import { isCoin } from "@/lib/markets";
import { getCoinBalance } from "@/lib/trading/get-wallet";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/wallet/{coin} – free and locked balance of one coin
export const GET = withPortfolio(async ({ portfolio, params }) => {
  const coin = (params.coin ?? "").toUpperCase();
  if (!isCoin(coin)) throw new AppError("NOT_FOUND", `${params.coin} is not a coin traded here.`);
  return getCoinBalance({ portfolioId: portfolio.id, coin });
});

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
