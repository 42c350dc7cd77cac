// The header bar's view of a resolved portfolio scope (server side: no amounts, no rules).
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import type { PortfolioKindName, ShownPortfolio } from "./portfolio";

export function shownPortfolio(scope: PortfolioScope): ShownPortfolio {
  return { id: scope.id, name: scope.name, kind: scope.kind.toLowerCase() as PortfolioKindName };
}
