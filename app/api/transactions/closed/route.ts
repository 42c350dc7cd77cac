import { withPortfolio } from "@/lib/api/with-portfolio";
import { AppError } from "@/lib/api/errors";
import { isCoin } from "@/lib/markets";
import { closedQuery } from "@/lib/api/transaction-schemas";
import { listClosedOrders } from "@/lib/trading/list-transactions";
import { CSV_MAX_ROWS, closedOrdersCsv, csvResponse } from "@/lib/api/closed-orders-csv";
import { presentTx } from "@/lib/api/transaction-presenter";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/transactions/closed – filled orders, newest first (?status=all adds cancelled and rejected;
// ?format=csv downloads them as CSV, optionally only those of ?coin=; ?limit=&offset= page, the CSV's
// default page is its maximum)
export const GET = withPortfolio(
  async ({ portfolio, query, req }) => {
    const params = new URL(req.url).searchParams;
    if (params.get("format") !== "csv") {
      const { orders, paging } = await listClosedOrders({ portfolioId: portfolio.id, ...query });
      return { closed: orders.map(presentTx), paging };
    }
    const coin = params.get("coin")?.toUpperCase() || undefined;
    if (coin && !isCoin(coin)) throw new AppError("NOT_FOUND", `${coin} is not a coin traded here.`);
    const { orders } = await listClosedOrders({ portfolioId: portfolio.id, ...query, limit: query.limit ?? CSV_MAX_ROWS, coin });
    return csvResponse(closedOrdersCsv(orders.map(presentTx)), `compraventa-closed-orders${coin ? `-${coin}` : ""}.csv`);
  },
  { query: closedQuery },
);

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
