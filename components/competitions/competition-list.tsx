"use client";
// The /competitions table: the public ones and the ones I organise or joined, newest first.
import Link from "next/link";
import useSWR from "swr";
import { swrFetcher } from "@/components/data/api-fetch";
import { formatUsdt } from "@/components/format/format-number";
import { COMPETITIONS, type Competition } from "./competition";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/** `initial`: the server-rendered list. */
export function CompetitionList({ initial }: { initial: Competition[] }) {
  const { data, error } = useSWR<{ competitions: Competition[] }, Error>(COMPETITIONS, swrFetcher, { refreshInterval: 30_000, fallbackData: { competitions: initial } });
  if (error && !data) return <p className="form-error" role="alert">The competitions could not be loaded.</p>;
  if (!data) return <p className="muted">Loading…</p>;
  if (data.competitions.length === 0) return <p className="empty">No competitions yet: create the first one.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Competitions">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Starts</th>
            <th scope="col">Ends</th>
            <th scope="col" className="right">Starting balance</th>
            <th scope="col" className="right">Participants</th>
            <th scope="col">Organiser</th>
          </tr>
        </thead>
        <tbody>
          {data.competitions.map((c) => (
            <tr key={c.id} data-testid="competition-row">
              <td>
                <Link href={`/competitions/${c.id}`}>{c.name}</Link>
                {c.my_portfolio_id && <span className="badge" style={{ marginLeft: 8 }}>joined</span>}
                {c.is_organiser && <span className="badge" style={{ marginLeft: 8 }}>organiser</span>}
              </td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>
                <LocalTime iso={c.starts_at} />
              </td>
              <td>
                <LocalTime iso={c.ends_at} />
              </td>
              <td className="num right">{formatUsdt(c.starting_balance)}</td>
              <td className="num right">{c.participants}</td>
              <td>{c.organiser}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
