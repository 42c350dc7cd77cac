import { withUser } from "@/lib/api/handler";
import { createTicket } from "@/lib/support/create-ticket";
import { ticketBody } from "@/lib/support/support-schemas";

// POST /api/support/tickets – store a ticket and mail it to the operator (rate limited per user)
export const POST = withUser(async ({ user, body }) => createTicket({ userId: user.id, email: user.email, ...body }), {
  body: ticketBody,
  status: 201,
});
