// Bodies of POST /api/support/ask and POST /api/support/tickets, shared by the routes and the Support page.
// Plain text only: markup in a question or ticket is refused with a clear message rather than silently
// stripped, so what the operator reads is exactly what the user wrote.
import { z } from "zod";
import { MESSAGE_MAX, QUESTION_MAX, SUBJECT_MAX } from "./support-limits";

export { MESSAGE_MAX, QUESTION_MAX, SUBJECT_MAX };

// A tag-like sequence ("<b>", "</p>", "<img src=x>", "<!--"), not a lone "<" as in "stop < price".
const HTML_TAG = /<\s*\/?\s*[a-z!][^>]*>/i;

const plainText = (field: string, max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, `must not be empty`)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !HTML_TAG.test(s), { message: `must be plain text, without HTML tags` })
    .describe(field);

export const askBody = z.object({ question: plainText("question", QUESTION_MAX) });
export type AskBody = z.infer<typeof askBody>;

export const ticketBody = z.object({
  subject: plainText("subject", SUBJECT_MAX),
  message: plainText("message", MESSAGE_MAX),
});
export type TicketBody = z.infer<typeof ticketBody>;
