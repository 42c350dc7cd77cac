import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { presentPortfolio } from "@/lib/api/portfolio-presenter";
import { createPortfolioBody } from "@/lib/api/portfolio-schemas";
import { createPortfolio } from "@/lib/portfolio/create-portfolio";
import { listPortfolios } from "@/lib/portfolio/list-portfolios";

// GET /api/portfolios – the user's portfolios (main first) with value and pnl each
export const GET = withUser(async ({ user }) => {
  const { portfolios, stale } = await listPortfolios({ userId: user.id });
  return { portfolios: portfolios.map(presentPortfolio), prices_stale: stale };
});

// POST /api/portfolios – a practice portfolio {name, starting_balance?}
export const POST = withUser(
  async ({ user, body }) => presentPortfolio(await createPortfolio({ userId: user.id, name: body.name, startingBalance: body.starting_balance })),
  { body: createPortfolioBody, status: 201 },
);

// Any other method: a JSON 405 with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
