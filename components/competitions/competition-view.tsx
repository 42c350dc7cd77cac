"use client";
// A competition's page: rules, countdown, the caller's place, standings and everyone's equity curve, live
// while it runs (SWR refreshes); join, trade in it, and the organiser's tools.
import Link from "next/link";
import { useCallback, useState } from "react";
import useSWR from "swr";
import { apiFetch, swrFetcher } from "@/components/data/api-fetch";
import { formErrorsOf } from "@/components/ui/form-errors";
import { formatPct } from "@/components/format/format-number";
import { choosePortfolio } from "@/components/portfolios/choose-portfolio";
import { competitionPath, type Competition, type EquitySeries, type Leaderboard, type Standing } from "./competition";
import type { CompetitionPageData } from "./competition-page-data";
import { CompetitionRules } from "./competition-rules";
import { Countdown } from "./countdown";
import { EquityChart } from "./equity-chart";
import { InviteLink } from "./invite-link";
import { JoinButton } from "./join-button";
import { OrganiserTools } from "./organiser-tools";
import { StandingsTable } from "./standings-table";
import { StatusBadge } from "./status-badge";
import styles from "./competitions.module.css";

const LIVE_MS = 3000;

/** `initial`: the competition, standings and curves as the server read them (SWR's fallback); `shownId`: the
 * portfolio the pages show now. */
export function CompetitionView({ id, pairs, initial, shownId }: { id: string; pairs: string[]; initial: CompetitionPageData; shownId: string }) {
  const base = competitionPath(id);
  const { data: c, error, mutate } = useSWR<Competition, Error>(base, swrFetcher, { fallbackData: initial.competition, refreshInterval: (d) => (d?.status === "ended" ? 0 : 10_000) });
  const live = c !== undefined && c.status !== "ended";
  const board = useSWR<Leaderboard>(c ? `${base}/leaderboard` : null, swrFetcher, { fallbackData: initial.leaderboard, refreshInterval: (d) => (live || !d?.final ? LIVE_MS : 0) });
  const equity = useSWR<{ series: EquitySeries[] }>(c ? `${base}/equity` : null, swrFetcher, { fallbackData: initial.equity, refreshInterval: live ? 10_000 : 0 });
  const [actionError, setActionError] = useState<string>();
  const refreshAll = useCallback(() => {
    void mutate();
    void board.mutate();
    void equity.mutate();
  }, [mutate, board, equity]);

  async function remove(s: Standing) {
    if (!s.participant_id || !window.confirm(`Remove ${s.name}? Their open orders are cancelled and they are no longer ranked.`)) return;
    setActionError(undefined);
    try {
      await apiFetch(`${base}/participants/${encodeURIComponent(s.participant_id)}`, { method: "DELETE" });
    } catch (err) {
      setActionError(formErrorsOf(err, []).message ?? "Could not remove the participant.");
    }
    refreshAll();
  }

  if (error && !c) return <p className="form-error" role="alert">This competition does not exist, or it is invite-only and you have not joined it.</p>;
  if (!c) return <p className="muted">Loading…</p>;
  const me = board.data?.me ?? null;
  return (
    <>
      <h1>
        {c.name} <StatusBadge status={c.status} />
      </h1>
      <Countdown c={c} onZero={refreshAll} />
      <div className={styles.actions}>
        {c.my_portfolio_id === shownId ? (
          <Link className="btn btn-primary" href="/dashboard">
            Trade (this competition&apos;s portfolio is shown)
          </Link>
        ) : c.my_portfolio_id ? (
          <button type="button" className="btn btn-primary" onClick={() => choosePortfolio(c.my_portfolio_id ?? "", "/dashboard")}>
            Trade in this competition
          </button>
        ) : (
          c.status !== "ended" && (c.visibility === "public" || c.invite_code) && <JoinButton id={c.id} inviteCode={c.invite_code} onJoined={refreshAll} />
        )}
        {me && (
          <p data-testid="my-competition-rank">
            You are <strong>#{me.rank}</strong> of {board.data?.standings.length ?? 0} ({formatPct(me.return_pct)})
          </p>
        )}
      </div>
      {actionError && <p className="form-error" role="alert">{actionError}</p>}
      <div className={styles.grid}>
        <div className={styles.stack}>
          <section className="card" aria-labelledby="standings-title">
            <h2 id="standings-title">{board.data?.final ? "Final standings" : "Standings"}</h2>
            {board.data ? <StandingsTable standings={board.data.standings} onRemove={c.is_organiser && c.status !== "ended" ? (s) => void remove(s) : undefined} /> : <p className="muted">Loading…</p>}
          </section>
          <section className="card" aria-labelledby="equity-title">
            <h2 id="equity-title">Portfolio values</h2>
            {equity.data ? <EquityChart series={equity.data.series} /> : <p className="muted">Loading…</p>}
          </section>
        </div>
        <div className={styles.stack}>
          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">Rules</h2>
            <CompetitionRules c={c} />
            {c.invite_code && <InviteLink code={c.invite_code} />}
          </section>
          {c.is_organiser && <OrganiserTools c={c} pairs={pairs} onChange={refreshAll} />}
        </div>
      </div>
    </>
  );
}
