import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentPortfolio } from "@/lib/portfolio/current-portfolio";
import { findPair, PAIRS } from "@/lib/markets";
import { formatUnits } from "@/lib/money";
import { listMarkets } from "@/lib/market/list-markets";
import { listWatchlist } from "@/lib/watchlist/list-watchlist";
import { getWallet } from "@/lib/trading/get-wallet";
import { listOrders } from "@/lib/trading/get-orders";
import { presentOrder } from "@/lib/api/order-presenter";
import type { Order } from "@/components/orders/order";
import { Dashboard } from "@/components/trade/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

// GET /dashboard?symbol=BTCUSDT – everything known now is rendered on the server; live parts take over.
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ symbol?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const portfolio = await currentPortfolio(user.id);
  const { symbol } = await searchParams;
  const pair = findPair(symbol ?? "") ?? PAIRS[0];
  const [{ markets }, { watchlist }, open, wallet] = await Promise.all([
    listMarkets(),
    listWatchlist({ userId: user.id }),
    listOrders({ portfolioId: portfolio.id, status: "open", limit: 50 }),
    getWallet({ portfolioId: portfolio.id, startingBalance: portfolio.startingBalance, email: user.email }),
  ]);
  const pairs = PAIRS.map((p) => ({ symbol: p.symbol, base: p.base, quote: p.quote, step: formatUnits(p.step) }));
  return (
    <>
      <h1 className="visually-hidden">Dashboard</h1>
      <Dashboard pairs={pairs} markets={markets} initialSymbol={pair?.symbol ?? "BTCUSDT"} watchlist={watchlist} open={open.orders.map(presentOrder) as Order[]} wallet={wallet} />
    </>
  );
}
