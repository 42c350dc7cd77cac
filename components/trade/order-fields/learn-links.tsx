// The Learn articles for the order type being entered.
import Link from "next/link";
import { LEARN_LINKS } from "@/lib/learn/article-links";
import type { Kind } from "./order-draft";

const LINKS: Record<Kind, readonly [string, string][]> = {
  market: [
    ["market orders", LEARN_LINKS.marketOrder],
    ["spending a quote amount", LEARN_LINKS.quoteAmount],
  ],
  limit: [
    ["limit orders", LEARN_LINKS.limitOrder],
    ["time in force", LEARN_LINKS.timeInForce],
    ["post-only", LEARN_LINKS.postOnly],
  ],
  stop: [
    ["stop orders, SL and TP", LEARN_LINKS.stopOrder],
    ["locked funds", LEARN_LINKS.fixedBalance],
  ],
  stop_limit: [
    ["stop-limit orders", LEARN_LINKS.stopLimit],
    ["locked funds", LEARN_LINKS.fixedBalance],
  ],
  trailing: [["trailing stops", LEARN_LINKS.trailingStop]],
  oco: [["OCO orders", LEARN_LINKS.oco]],
};

export function OrderLearnLinks({ kind }: { kind: Kind }) {
  return (
    <p className="hint">
      Learn:{" "}
      {[...LINKS[kind], ["fees", LEARN_LINKS.fees] as const].map(([label, href], i) => (
        <span key={href}>
          {i > 0 && " · "}
          <Link href={href}>{label}</Link>
        </span>
      ))}
    </p>
  );
}
