import { withUser } from "@/lib/api/handler";
import { closedQuery } from "@/lib/api/transaction-schemas";
import { listClosedOrders } from "@/lib/trading/list-transactions";

// GET /api/transactions/closed – filled orders, newest first (?status=all adds cancelled and rejected)
export const GET = withUser(async ({ user, query }) => listClosedOrders({ userId: user.id, ...query }), { query: closedQuery });
