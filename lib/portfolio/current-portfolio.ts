// The portfolio a page shows (server components): the one chosen in the header bar's switcher, else the
// main one (also when the chosen one is gone: deleted, or the cookie is stale).
import { cookies } from "next/headers";
import type { PortfolioScope } from "./portfolio-scope";
import { mainPortfolio } from "./portfolio-scope";
import { PORTFOLIO_COOKIE } from "./portfolio-cookie";
import { resolvePortfolio } from "./resolve-portfolio";

export async function currentPortfolio(userId: string): Promise<PortfolioScope> {
  const chosen = (await cookies()).get(PORTFOLIO_COOKIE)?.value;
  return resolvePortfolio(userId, chosen).catch(() => mainPortfolio(userId));
}
