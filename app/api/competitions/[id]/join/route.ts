import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { joinCompetitionBody } from "@/lib/api/competition-schemas";
import { joinCompetition } from "@/lib/competitions/join-competition";

// POST /api/competitions/{id}/join – take part: a fresh portfolio holding the competition's starting balance
export const POST = withUser(
  async ({ user, params, body }) => {
    const { portfolioId } = await joinCompetition({ competitionId: params.id ?? "", userId: user.id, inviteCode: body.invite_code });
    return { portfolio_id: portfolioId };
  },
  { body: joinCompetitionBody, status: 201 },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
