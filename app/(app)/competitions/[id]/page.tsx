import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { PAIRS } from "@/lib/markets";
import { CompetitionView } from "@/components/competitions/competition-view";

export const metadata: Metadata = { title: "Competition" };

// GET /competitions/<id> – rules, countdown, standings and equity curves (live while it runs)
export default async function CompetitionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { id } = await params;
  return <CompetitionView id={id} pairs={PAIRS.map((p) => p.symbol)} />;
}
