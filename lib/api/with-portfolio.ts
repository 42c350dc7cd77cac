// A route acting on one of the signed-in user's portfolios: the one named by the `X-Portfolio` header or
// the `?portfolio=` query parameter, else the browser's switcher cookie (a stale one falls back to main),
// else the main one. Another user's portfolio id answers 404 PORTFOLIO_NOT_FOUND, exactly as an id that
// does not exist.
import type { AuthUser } from "@/lib/auth/auth-user";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { mainPortfolio } from "@/lib/portfolio/portfolio-scope";
import { portfolioCookieOf } from "@/lib/portfolio/portfolio-cookie";
import { resolvePortfolio } from "@/lib/portfolio/resolve-portfolio";
import { withUser, type Context, type Options, type Result } from "./handler";

export function requestedPortfolio(req: Request): string | null {
  return req.headers.get("x-portfolio") ?? new URL(req.url).searchParams.get("portfolio");
}

async function portfolioOf(req: Request, userId: string): Promise<PortfolioScope> {
  const named = requestedPortfolio(req);
  if (named !== null) return resolvePortfolio(userId, named);
  const chosen = portfolioCookieOf(req.headers.get("cookie"));
  return chosen ? resolvePortfolio(userId, chosen).catch(() => mainPortfolio(userId)) : mainPortfolio(userId);
}

export function withPortfolio<B = Record<string, unknown>, Q = Record<string, string>>(
  handler: (ctx: Context<B, Q> & { user: AuthUser; portfolio: PortfolioScope }) => Promise<Result>,
  opts: Options<B, Q> = {},
) {
  return withUser<B, Q>(async (ctx) => handler({ ...ctx, portfolio: await portfolioOf(ctx.req, ctx.user.id) }), opts);
}
