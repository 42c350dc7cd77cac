import { withUser } from "@/lib/api/handler";
import { completeArticle } from "@/lib/learn/complete-article";

// POST /api/learn/{slug}/complete – mark an article as read
export const POST = withUser(async ({ user, params }) => completeArticle({ userId: user.id, slug: params.slug ?? "" }));
