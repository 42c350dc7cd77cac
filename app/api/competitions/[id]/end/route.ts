import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { presentCompetition } from "@/lib/api/competition-presenter";
import { endCompetition } from "@/lib/competitions/end-competition";

// POST /api/competitions/{id}/end – the organiser ends it early: open orders cancelled, standings frozen
export const POST = withUser(async ({ user, params }) => presentCompetition(await endCompetition({ competitionId: params.id ?? "", userId: user.id })));

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
