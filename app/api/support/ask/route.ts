import { withPublic } from "@/lib/api/handler";
import { askQuestion } from "@/lib/support/ask-question";
import { askBody } from "@/lib/support/support-schemas";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/support/ask – answer a question from the Learn articles and the FAQ, with the passages used
export const POST = withPublic(async ({ body }) => askQuestion(body), { body: askBody });

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
