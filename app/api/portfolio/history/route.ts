import { withPortfolio } from "@/lib/api/with-portfolio";
import { historyQuery } from "@/lib/api/portfolio-schemas";
import { getPortfolioHistory } from "@/lib/portfolio/get-portfolio-history";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/portfolio/history – the user's portfolio value over time ({history:[{at,value}]}, oldest first)
export const GET = withPortfolio(async ({ portfolio, query }) => getPortfolioHistory({ portfolioId: portfolio.id, since: query.since, before: query.before, limit: query.limit }), {
  query: historyQuery,
});

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
