// The coin filter of the News page: plain links (?coin=BTC), so it works before any JavaScript loads and
// every filtered view has its own URL.
import Link from "next/link";
import type { Coin } from "@/lib/markets";
import styles from "./news.module.css";

/** "All" plus one link per coin; the current one is marked aria-current. */
export function CoinFilter({ coins, selected }: { coins: readonly Coin[]; selected?: Coin }) {
  return (
    <nav aria-label="Filter by coin" className={styles.filters}>
      <Link href="/news" className={styles.filter} aria-current={selected ? undefined : "page"}>
        All
      </Link>
      {coins.map((c) => (
        <Link key={c} href={`/news?coin=${c}`} className={styles.filter} aria-current={selected === c ? "page" : undefined}>
          {c}
        </Link>
      ))}
    </nav>
  );
}
