import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentPortfolio } from "@/lib/portfolio/current-portfolio";
import { PortfolioLine } from "@/components/portfolios/portfolio-line";
import { shownPortfolio } from "@/components/portfolios/shown-portfolio";
import { listClosedOrders } from "@/lib/trading/list-transactions";
import { listOrders } from "@/lib/trading/get-orders";
import { presentOrder } from "@/lib/api/order-presenter";
import { presentTx } from "@/lib/api/transaction-presenter";
import type { Order } from "@/components/orders/order";
import { OpenOrders } from "@/components/orders/open-orders";
import { ClosedOrders } from "@/components/orders/closed-orders";

export const metadata: Metadata = { title: "Orders" };

// GET /orders – open orders (cancel, modify) and closed orders (filter, pages, CSV)
export default async function OrdersPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const portfolio = await currentPortfolio(user.id);
  const [open, closed] = await Promise.all([
    listOrders({ portfolioId: portfolio.id, status: "open", limit: 50 }),
    listClosedOrders({ portfolioId: portfolio.id, all: true, limit: 21, offset: 0 }),
  ]);
  return (
    <>
      <h1>Orders</h1>
      <PortfolioLine shown={shownPortfolio(portfolio)} />
      <div style={{ display: "grid", gap: "var(--gap)" }}>
        <OpenOrders initial={open.orders.map(presentOrder) as Order[]} />
        <ClosedOrders initial={closed.orders.map(presentTx)} />
      </div>
    </>
  );
}
