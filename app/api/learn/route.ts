import { withUser } from "@/lib/api/handler";
import { getLearnProgress } from "@/lib/learn/get-learn-progress";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/learn – the Learn articles with the user's progress
export const GET = withUser(async ({ user }) => getLearnProgress({ userId: user.id }));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
