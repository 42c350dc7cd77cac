"use client";
// The competition's standings, sortable by each metric (ranked by return by default); the caller's own row
// highlighted; the organiser may remove a participant.
import { useState } from "react";
import { formatPct, formatUsdt } from "@/components/format/format-number";
import type { Standing } from "./competition";
import styles from "./competitions.module.css";
import { RowDangerButton } from "@/components/ui/row-danger-button";

type Key = "rank" | "name" | "value" | "return_pct" | "max_drawdown_pct" | "sharpe" | "trades";
const COLUMNS: { key: Key; label: string; right?: boolean }[] = [
  { key: "rank", label: "Rank" },
  { key: "name", label: "Name" },
  { key: "value", label: "Value", right: true },
  { key: "return_pct", label: "Return", right: true },
  { key: "max_drawdown_pct", label: "Max drawdown", right: true },
  { key: "sharpe", label: "Sharpe", right: true },
  { key: "trades", label: "Trades", right: true },
];

function compare(a: Standing, b: Standing, key: Key): number {
  if (key === "name") return a.name.localeCompare(b.name);
  return (a[key] ?? -Infinity) - (b[key] ?? -Infinity);
}

export function StandingsTable({ standings, onRemove }: { standings: Standing[]; onRemove?: (s: Standing) => void }) {
  const [sort, setSort] = useState<{ key: Key; asc: boolean }>({ key: "rank", asc: true });
  const rows = [...standings].sort((a, b) => (sort.asc ? 1 : -1) * compare(a, b, sort.key) || a.rank - b.rank);
  if (standings.length === 0) return <p className="empty">Nobody has joined yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Standings">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.right ? "right" : undefined} aria-sort={sort.key === c.key ? (sort.asc ? "ascending" : "descending") : undefined}>
                <button
                  type="button"
                  className={styles.sort}
                  onClick={() => setSort((s) => ({ key: c.key, asc: s.key === c.key ? !s.asc : c.key === "rank" || c.key === "name" || c.key === "max_drawdown_pct" }))}
                >
                  {c.label}
                  {sort.key === c.key ? (sort.asc ? " ▲" : " ▼") : ""}
                </button>
              </th>
            ))}
            {onRemove && <th scope="col" aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={`${s.rank}-${s.name}`} data-testid="standing" aria-current={s.mine ? "true" : undefined} className={s.mine ? styles.mine : undefined}>
              <td className="num">{s.rank}</td>
              <td>
                {s.name}
                {s.mine && <span className="badge" style={{ marginLeft: 8 }}>you</span>}
              </td>
              <td className="num right">{formatUsdt(s.value)}</td>
              <td className={`num right ${s.return_pct > 0 ? "up" : s.return_pct < 0 ? "down" : ""}`}>{formatPct(s.return_pct)}</td>
              <td className="num right">{formatPct(-Math.abs(s.max_drawdown_pct))}</td>
              <td className="num right">{s.sharpe === null ? "—" : s.sharpe.toFixed(2)}</td>
              <td className="num right" data-testid="trades">{s.trades}</td>
              {onRemove && (
                <td>
                  {s.participant_id && !s.mine && (
                    <RowDangerButton action="Remove" target={s.name} onClick={() => onRemove(s)} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
