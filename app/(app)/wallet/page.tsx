import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentPortfolio } from "@/lib/portfolio/current-portfolio";
import { PortfolioLine } from "@/components/portfolios/portfolio-line";
import { shownPortfolio } from "@/components/portfolios/shown-portfolio";
import { getWallet } from "@/lib/trading/get-wallet";
import { getProfile } from "@/lib/account/get-profile";
import { listMarkets } from "@/lib/market/list-markets";
import { getPortfolioHistory } from "@/lib/portfolio/get-portfolio-history";
import { COINS, QUOTE_COIN } from "@/lib/markets";
import { WalletView } from "@/components/wallet/wallet-view";

export const metadata: Metadata = { title: "Wallet" };

// GET /wallet – balances, locked funds, value, profit, rating and charts
export default async function WalletPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const portfolio = await currentPortfolio(user.id);
  const [wallet, profile, { markets }, { history }] = await Promise.all([
    getWallet({ portfolioId: portfolio.id, startingBalance: portfolio.startingBalance, email: user.email }),
    getProfile({ userId: user.id }),
    listMarkets(),
    getPortfolioHistory({ portfolioId: portfolio.id }),
  ]);
  const usdtPrices = Object.fromEntries(
    COINS.map((c) => [c, c === QUOTE_COIN ? 1 : (markets.find((m) => m.symbol === `${c}${QUOTE_COIN}`)?.price ?? null)]),
  );
  return (
    <>
      <h1>Wallet</h1>
      <PortfolioLine shown={shownPortfolio(portfolio)} />
      <WalletView wallet={wallet} usdtPrices={usdtPrices} rating={profile.rating} history={history} />
    </>
  );
}
