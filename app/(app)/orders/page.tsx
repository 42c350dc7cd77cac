import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { listClosedOrders } from "@/lib/trading/list-transactions";
import { OpenOrders } from "@/components/orders/open-orders";
import { ClosedOrders } from "@/components/orders/closed-orders";
import type { Tx } from "@/components/trade/types";

export const metadata: Metadata = { title: "Orders" };

// GET /orders – open orders (cancel, modify) and closed orders (filter, pages, CSV)
export default async function OrdersPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { closed } = await listClosedOrders({ userId: user.id, all: true, limit: 21, offset: 0 });
  return (
    <>
      <h1>Orders</h1>
      <div style={{ display: "grid", gap: "var(--gap)" }}>
        <OpenOrders />
        <ClosedOrders initial={closed as Tx[]} />
      </div>
    </>
  );
}
