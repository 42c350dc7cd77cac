import { withPortfolio } from "@/lib/api/with-portfolio";
import { AppError } from "@/lib/api/errors";
import { closedQuery } from "@/lib/api/transaction-schemas";
import { isCoin } from "@/lib/markets";
import { listClosedOrders } from "@/lib/trading/list-transactions";
import { presentTx } from "@/lib/api/transaction-presenter";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/transactions/closed/{coin} – closed orders where the coin is base or quote
export const GET = withPortfolio(
  async ({ portfolio, params, query }) => {
    const coin = (params.coin ?? "").toUpperCase();
    if (!isCoin(coin)) throw new AppError("NOT_FOUND", `${params.coin} is not a coin traded here.`);
    const { orders, paging } = await listClosedOrders({ portfolioId: portfolio.id, ...query, coin });
    return { closed: orders.map(presentTx), paging };
  },
  { query: closedQuery },
);

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
