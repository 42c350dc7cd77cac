// GET /api/v3/account – balances of all six coins (or the non-zero ones), the fee rates, canTrade (the
// key's TRADE permission) and when the balances last changed.
import { feeRatesOf } from "@/lib/portfolio/trading-rules";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { accountUpdateTime } from "@/lib/trading/account-update-time";
import { getBalances } from "@/lib/trading/get-wallet";
import { presentAccount } from "./present-account";

export async function getBinanceAccount({ portfolio, canTrade, omitZeroBalances }: { portfolio: PortfolioScope; canTrade: boolean; omitZeroBalances: boolean }) {
  const portfolioId = portfolio.id;
  const [balances, updateTime] = await Promise.all([getBalances({ portfolioId }), accountUpdateTime({ portfolioId })]);
  return presentAccount({ balances, canTrade, updateTime, omitZeroBalances, fees: feeRatesOf(portfolio) });
}
