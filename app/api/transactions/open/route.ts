import { withUser } from "@/lib/api/handler";
import { pageQuery } from "@/lib/api/paging";
import { listOpenOrders } from "@/lib/trading/list-transactions";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/transactions/open – open stop orders, newest first (?limit= default 200, at most 1000; ?offset=)
export const GET = withUser(async ({ user, query }) => listOpenOrders({ userId: user.id, limit: query.limit, offset: query.offset }), {
  query: pageQuery,
});

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
