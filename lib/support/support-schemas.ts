// Bodies of POST /api/support/ask and POST /api/support/tickets, shared by the routes and the Support page.
// Text is taken as plain text, markup included ("it shows <b>0</b>" is a fair ticket): it is stored as
// written, mailed as text/plain and rendered by React as text, so nothing in it is ever interpreted.
// No pattern runs over it here: the length bound is the only check, and it is linear.
import { z } from "zod";
import { MESSAGE_MAX, QUESTION_MAX, SUBJECT_MAX } from "./support-limits";

export { MESSAGE_MAX, QUESTION_MAX, SUBJECT_MAX };

const plainText = (field: string, max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, `must not be empty`)
    .max(max, `must be at most ${max} characters`)
    .describe(field);

export const askBody = z.object({ question: plainText("question", QUESTION_MAX) });
export type AskBody = z.infer<typeof askBody>;

export const ticketBody = z.object({
  subject: plainText("subject", SUBJECT_MAX),
  message: plainText("message", MESSAGE_MAX),
});
export type TicketBody = z.infer<typeof ticketBody>;
