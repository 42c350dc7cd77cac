"use client";
// The header bar's portfolio switcher: which portfolio the pages show, and a list to choose another.
import useSWR from "swr";
import { swrFetcher } from "@/components/data/api-fetch";
import { choosePortfolio } from "./choose-portfolio";
import { PORTFOLIOS, type PortfolioRow, type ShownPortfolio } from "./portfolio";
import styles from "./portfolio-switcher.module.css";

/** A select of the user's portfolios; `shown` is the one this page shows. */
export function PortfolioSwitcher({ shown }: { shown: ShownPortfolio }) {
  const { data } = useSWR<{ portfolios: PortfolioRow[] }>(PORTFOLIOS, swrFetcher, { revalidateOnFocus: false });
  const options = data?.portfolios.some((p) => p.id === shown.id) ? data.portfolios : [shown, ...(data?.portfolios.filter((p) => p.id !== shown.id) ?? [])];
  return (
    <div className={styles.switcher}>
      <label htmlFor="portfolio-switcher" className={styles.label}>
        Portfolio
      </label>
      <select
        id="portfolio-switcher"
        className={`input ${styles.select}`}
        value={shown.id}
        data-kind={shown.kind}
        onChange={(e) => {
          if (e.target.value !== shown.id) choosePortfolio(e.target.value);
        }}
      >
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.kind === "main" ? "" : ` (${p.kind})`}
          </option>
        ))}
      </select>
    </div>
  );
}
