import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { JoinCompetition } from "@/components/competitions/join-competition";

export const metadata: Metadata = { title: "Join a competition" };

// GET /competitions/join/<code> – the competition behind an invite link, and a Join button
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { code } = await params;
  return (
    <>
      <h1>Join a competition</h1>
      <JoinCompetition code={code} />
    </>
  );
}
