// POST /api/orders/preview – what an order would do now (price, fee, lock, marketable), every rule
// checked but the balance: what the order form shows before the user confirms.
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { marketNow } from "@/lib/market/market-clock";
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { assertCanTrade, feeRatesOf } from "@/lib/portfolio/trading-rules";
import { planOrder, type OrderPlan, type OrderRequest } from "./order-plan";

export async function previewOrder(input: OrderRequest, portfolio: PortfolioScope): Promise<OrderPlan> {
  assertCanTrade(portfolio, input.pair.symbol, marketNow());
  const last = await getFreshPrice(input.pair.symbol);
  return planOrder(input, last.price, feeRatesOf(portfolio));
}
