import { withUser } from "@/lib/api/handler";
import { completeArticle } from "@/lib/learn/complete-article";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/learn/{slug}/complete – mark an article as read
export const POST = withUser(async ({ user, params }) => completeArticle({ userId: user.id, slug: params.slug ?? "" }));

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
