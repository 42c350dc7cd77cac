import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { presentCompetition } from "@/lib/api/competition-presenter";
import { getCompetitionByCode } from "@/lib/competitions/get-competition-by-code";

// GET /api/competitions/by-code/{invite_code} – the competition an invitation names (the join-by-link page)
export const GET = withUser(async ({ user, params }) => presentCompetition(await getCompetitionByCode({ inviteCode: params.code ?? "", userId: user.id })));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
