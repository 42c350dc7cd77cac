import { withUser } from "@/lib/api/handler";
import { listOpenOrders } from "@/lib/trading/list-transactions";

// GET /api/transactions/open – open stop orders, newest first
export const GET = withUser(async ({ user }) => listOpenOrders({ userId: user.id }));
