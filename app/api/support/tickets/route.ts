import { withUser } from "@/lib/api/handler";
import { createTicket } from "@/lib/support/create-ticket";
import { ticketBody } from "@/lib/support/support-schemas";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/support/tickets – store a ticket and mail it to the operator (rate limited per user)
export const POST = withUser(async ({ user, body }) => createTicket({ userId: user.id, email: user.email, ...body }), {
  body: ticketBody,
  status: 201,
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
