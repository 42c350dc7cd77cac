import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { PAIRS } from "@/lib/markets";
import { listCompetitions } from "@/lib/competitions/list-competitions";
import { presentCompetition } from "@/lib/api/competition-presenter";
import type { Competition } from "@/components/competitions/competition";
import { CompetitionList } from "@/components/competitions/competition-list";
import { CreateCompetitionForm } from "@/components/competitions/create-competition-form";
import { JoinByCodeForm } from "@/components/competitions/join-by-code-form";
import styles from "@/components/competitions/competitions.module.css";

export const metadata: Metadata = { title: "Competitions" };

// GET /competitions – browse (public ones and mine), create one with its rules, join by code
export default async function CompetitionsPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const competitions = (await listCompetitions({ userId: user.id })).map(presentCompetition) as Competition[];
  return (
    <>
      <h1>Competitions</h1>
      <p className="muted">A class, a club or a group of friends trades the same game: everyone starts with the same money, the standings rank by return.</p>
      <div className={styles.grid}>
        <section className="card" aria-labelledby="list-title">
          <h2 id="list-title">Competitions</h2>
          <CompetitionList initial={competitions} />
        </section>
        <div className={styles.stack}>
          <section className="card" aria-labelledby="code-title">
            <h2 id="code-title">Have an invite code?</h2>
            <JoinByCodeForm />
          </section>
          <section className="card" aria-labelledby="new-title">
            <h2 id="new-title">New competition</h2>
            <CreateCompetitionForm pairs={PAIRS.map((p) => p.symbol)} />
          </section>
        </div>
      </div>
    </>
  );
}
