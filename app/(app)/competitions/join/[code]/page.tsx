import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { DomainError } from "@/lib/domain-error";
import { getCompetitionByCode } from "@/lib/competitions/get-competition-by-code";
import { presentCompetition } from "@/lib/api/competition-presenter";
import { JoinCompetition } from "@/components/competitions/join-competition";

export const metadata: Metadata = { title: "Join a competition" };

// GET /competitions/join/<code> – the competition behind an invite link, and a Join button
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { code } = await params;
  const competition = await getCompetitionByCode({ inviteCode: code, userId: user.id }).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "COMPETITION_NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <h1>Join a competition</h1>
      <JoinCompetition code={code} initial={presentCompetition(competition)} />
    </>
  );
}
