// The line under a page's heading that says which portfolio the page shows.
import Link from "next/link";
import type { ShownPortfolio } from "./portfolio";

/** "Portfolio: Practice 1 (practice) · switch". */
export function PortfolioLine({ shown }: { shown: ShownPortfolio }) {
  return (
    <p className="muted" data-testid="shown-portfolio">
      Portfolio: <strong>{shown.name}</strong>
      {shown.kind !== "main" && ` (${shown.kind})`} · <Link href="/portfolios">all portfolios</Link>
    </p>
  );
}
