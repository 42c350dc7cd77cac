import { withPublic } from "@/lib/api/handler";
import { askQuestion } from "@/lib/support/ask-question";
import { askBody } from "@/lib/support/support-schemas";

// POST /api/support/ask – answer a question from the Learn articles and the FAQ, with the passages used
export const POST = withPublic(async ({ body }) => askQuestion(body), { body: askBody });
