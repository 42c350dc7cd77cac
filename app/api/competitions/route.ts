import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { createCompetitionBody, termsOf } from "@/lib/api/competition-schemas";
import { presentCompetition } from "@/lib/api/competition-presenter";
import type { CompetitionTerms } from "@/lib/competitions/competition-terms";
import { createCompetition } from "@/lib/competitions/create-competition";
import { listCompetitions } from "@/lib/competitions/list-competitions";

// POST /api/competitions – create a competition; the caller is its organiser
export const POST = withUser(
  async ({ user, body }) => presentCompetition(await createCompetition({ organiserId: user.id, terms: termsOf(body) as CompetitionTerms })),
  { body: createCompetitionBody, status: 201 },
);

// GET /api/competitions – the public ones and the ones the caller organises or joined, newest first
export const GET = withUser(async ({ user }) => ({ competitions: (await listCompetitions({ userId: user.id })).map(presentCompetition) }));

// Any other method: a JSON 405 with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
