import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { deletePortfolio } from "@/lib/portfolio/delete-portfolio";

// DELETE /api/portfolios/{id} – a practice portfolio and everything in it
export const DELETE = withUser(async ({ user, params }) => {
  await deletePortfolio({ userId: user.id, portfolioId: params.id ?? "" });
  return { deleted: true };
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
