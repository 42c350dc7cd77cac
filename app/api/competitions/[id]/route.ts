import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { editCompetitionBody, termsOf } from "@/lib/api/competition-schemas";
import { presentCompetition } from "@/lib/api/competition-presenter";
import { editCompetition } from "@/lib/competitions/edit-competition";
import { getCompetition } from "@/lib/competitions/get-competition";

// GET /api/competitions/{id} – one competition (an invite-only one: its organiser and participants only)
export const GET = withUser(async ({ user, params }) => presentCompetition(await getCompetition({ competitionId: params.id ?? "", userId: user.id })));

// PATCH /api/competitions/{id} – the organiser changes the rules, before the start only
export const PATCH = withUser(
  async ({ user, params, body }) => presentCompetition(await editCompetition({ competitionId: params.id ?? "", userId: user.id, changes: termsOf(body) })),
  { body: editCompetitionBody },
);

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, DELETE, OPTIONS } = otherMethods("GET", "PATCH");
