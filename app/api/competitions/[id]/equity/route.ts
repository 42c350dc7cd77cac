import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { presentEquity } from "@/lib/api/competition-presenter";
import { getEquity } from "@/lib/competitions/get-equity";

// GET /api/competitions/{id}/equity – every participant's value over time, for one chart
export const GET = withUser(async ({ user, params }) => presentEquity(await getEquity({ competitionId: params.id ?? "", userId: user.id }), user.id));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
