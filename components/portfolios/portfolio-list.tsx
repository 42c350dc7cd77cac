"use client";
// The /portfolios table: every portfolio with its value and profit; show one, delete a practice one.
import Link from "next/link";
import { useState } from "react";
import useSWR from "swr";
import { apiFetch, swrFetcher } from "@/components/data/api-fetch";
import { formErrorsOf } from "@/components/ui/form-errors";
import { formatUsdt } from "@/components/format/format-number";
import { choosePortfolio } from "./choose-portfolio";
import { PORTFOLIOS, type PortfolioRow } from "./portfolio";
import { RowDangerButton } from "@/components/ui/row-danger-button";

/** The user's portfolios (`initial`: server-rendered); `shownId` is the one the pages show now. */
export function PortfolioList({ shownId, initial }: { shownId: string; initial: PortfolioRow[] }) {
  const { data, error, mutate } = useSWR<{ portfolios: PortfolioRow[] }, Error>(PORTFOLIOS, swrFetcher, { fallbackData: { portfolios: initial } });
  const [listError, setListError] = useState<string>();

  async function remove(p: PortfolioRow) {
    if (!window.confirm(`Delete the portfolio "${p.name}"? Its balances and orders are gone for good.`)) return;
    setListError(undefined);
    try {
      await apiFetch(`${PORTFOLIOS}/${encodeURIComponent(p.id)}`, { method: "DELETE" });
      // The pages showed the deleted one: they fall back to the main portfolio on the next load.
      if (p.id === shownId) return choosePortfolio(data?.portfolios[0]?.id ?? "main");
    } catch (err) {
      setListError(formErrorsOf(err, []).message ?? "The portfolio could not be deleted.");
    }
    await mutate();
  }

  if (error && !data) return <p className="form-error" role="alert">The portfolios could not be loaded.</p>;
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <>
      {listError && <p className="form-error" role="alert">{listError}</p>}
      <div className="table-wrap">
        <table className="table" aria-label="Portfolios">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col" className="right">Starting balance</th>
              <th scope="col" className="right">Value</th>
              <th scope="col" className="right">Profit / loss</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {data.portfolios.map((p) => (
              <tr key={p.id} data-testid="portfolio-row" aria-current={p.id === shownId ? "true" : undefined} style={p.id === shownId ? { background: "var(--surface-2)" } : undefined}>
                <td>
                  {p.name}
                  {p.id === shownId && <span className="badge" style={{ marginLeft: 8 }}>shown</span>}
                  {p.removed && <span className="badge" style={{ marginLeft: 8 }}>removed</span>}
                </td>
                <td>{p.kind === "competition" && p.competition_id ? <Link href={`/competitions/${p.competition_id}`}>competition</Link> : p.kind}</td>
                <td className="num right">{formatUsdt(p.starting_balance)}</td>
                <td className="num right">{formatUsdt(p.value)}</td>
                <td className={`num right ${p.pnl > 0 ? "up" : p.pnl < 0 ? "down" : ""}`}>{formatUsdt(p.pnl)}</td>
                <td style={{ display: "flex", gap: 6 }}>
                  {p.id !== shownId && (
                    <button type="button" className="btn btn-small" onClick={() => choosePortfolio(p.id, "/dashboard")} aria-label={`Trade in ${p.name}`}>
                      Trade
                    </button>
                  )}
                  {p.kind === "practice" && (
                    <RowDangerButton action="Delete" target={p.name} onClick={() => void remove(p)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
