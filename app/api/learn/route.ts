import { withUser } from "@/lib/api/handler";
import { getLearnProgress } from "@/lib/learn/get-learn-progress";

// GET /api/learn – the Learn articles with the user's progress
export const GET = withUser(async ({ user }) => getLearnProgress({ userId: user.id }));
