import { withUser } from "@/lib/api/handler";
import { listOpenOrders } from "@/lib/trading/list-transactions";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/transactions/open – open stop orders, newest first
export const GET = withUser(async ({ user }) => listOpenOrders({ userId: user.id }));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
