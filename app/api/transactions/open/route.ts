import { withPortfolio } from "@/lib/api/with-portfolio";
import { pageQuery } from "@/lib/api/paging";
import { listOpenOrders } from "@/lib/trading/list-transactions";
import { presentTx } from "@/lib/api/transaction-presenter";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/transactions/open – open stop orders, newest first (?limit= default 200, at most 1000; ?offset=)
export const GET = withPortfolio(
  async ({ portfolio, query }) => {
    const { orders, paging } = await listOpenOrders({ portfolioId: portfolio.id, limit: query.limit, offset: query.offset });
    return { open: orders.map(presentTx), paging };
  },
  { query: pageQuery },
);

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
