"use client";
// The join-by-link page's body: the competition behind an invite code, its rules, and a Join button that
// ends on the competition's page.
import Link from "next/link";
import { useRouter } from "next/navigation";
import useSWR from "swr";
import { swrFetcher } from "@/components/data/api-fetch";
import { COMPETITIONS, type Competition } from "./competition";
import { CompetitionRules } from "./competition-rules";
import { JoinButton } from "./join-button";
import { StatusBadge } from "./status-badge";

/** `initial`: the competition as the server read it. */
export function JoinCompetition({ code, initial }: { code: string; initial: Competition }) {
  const router = useRouter();
  const { data: c, error } = useSWR<Competition, Error>(`${COMPETITIONS}/by-code/${encodeURIComponent(code)}`, swrFetcher, { fallbackData: initial });
  if (error && !c) return <p className="form-error" role="alert">No competition has this invite code. Check the link or ask the organiser for a new one.</p>;
  if (!c) return <p className="muted">Loading…</p>;
  const page = `/competitions/${c.id}`;
  return (
    <section className="card" aria-labelledby="join-title" style={{ maxWidth: 560 }}>
      <h2 id="join-title">
        {c.name} <StatusBadge status={c.status} />
      </h2>
      <CompetitionRules c={c} />
      <div style={{ marginTop: "var(--gap)" }}>
        {c.my_portfolio_id ? (
          <p>
            You are in. <Link href={page}>Go to the competition</Link>
          </p>
        ) : c.status === "ended" ? (
          <p className="muted">This competition has ended. <Link href={page}>See the final standings</Link></p>
        ) : (
          <JoinButton id={c.id} inviteCode={code} onJoined={() => router.push(page)} />
        )}
      </div>
    </section>
  );
}
