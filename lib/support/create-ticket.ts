// POST /api/support/tickets – store a support ticket and mail it to SUPPORT_EMAIL (Resend or the outbox).
// Rate limited per user, so a script cannot flood the operator's inbox.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { takeHit } from "@/lib/rate-limit";
import { sendMail } from "@/lib/mail/send-mail";

const WINDOW_MS = 60 * 60 * 1000;

export interface CreateTicketInput {
  userId: string;
  email: string;
  subject: string;
  message: string;
}

/** Store the ticket, then mail it; 429 beyond RATE_LIMIT_TICKETS tickets per user per hour. */
export async function createTicket(input: CreateTicketInput) {
  await takeHit({ key: `ticket:${input.userId}`, max: env.RATE_LIMIT_TICKETS, windowMs: WINDOW_MS });
  const ticket = await prisma.supportTicket.create({
    data: { id: newId(), userId: input.userId, email: input.email, subject: input.subject, message: input.message },
    select: { id: true, createdAt: true },
  });
  // The ticket is stored first: if mail fails, the operator still finds it in the database.
  try {
    await sendMail({
      to: env.SUPPORT_EMAIL,
      subject: `[Support #${ticket.id.slice(0, 8)}] ${input.subject.replace(/\s+/g, " ")}`,
      text: [`Ticket ${ticket.id}`, `From: ${input.email} (user ${input.userId})`, `At: ${ticket.createdAt.toISOString()}`, "", input.message].join("\n"),
    });
  } catch (error) {
    console.error(`support ticket ${ticket.id} stored but not mailed:`, error);
  }
  return {
    ticket_id: ticket.id,
    created_at: ticket.createdAt.toISOString(),
    message: "Thank you. Your ticket was sent to our support team; we will answer by mail.",
  };
}
