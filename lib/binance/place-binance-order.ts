// POST /api/v3/order and order/test – a Binance order through the core's use cases: the symbol filters
// first (./order-filters.ts), then lib/trading/place-order.ts (the one engine: plan, lock, fill, ledger)
// or, for a test order, lib/trading/preview-order.ts (every rule but the balance).
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { feeRatesOf, type FeeRates } from "@/lib/portfolio/trading-rules";
import { placeOrder } from "@/lib/trading/place-order";
import { previewOrder } from "@/lib/trading/preview-order";
import { checkFilters } from "./order-filters";
import type { NewOrder } from "./new-order-params";
import { fixed8, presentNewOrder } from "./present-order";

async function filtered(o: NewOrder): Promise<void> {
  const last = await getFreshPrice(o.pair.symbol);
  checkFilters(
    { pair: o.pair, market: o.type === "MARKET", quantity: o.amount, quoteOrderQty: o.quoteAmount, price: o.price, stopPrice: o.stopPrice, trailingDelta: o.trailingDelta },
    last.price,
  );
}

export async function placeBinanceOrder({ portfolio, order, beforeLedger }: { portfolio: PortfolioScope; order: NewOrder; beforeLedger: () => void }) {
  await filtered(order);
  beforeLedger();
  const { respType, ...request } = order;
  const record = await placeOrder({ ...request, portfolio });
  return presentNewOrder(record, respType);
}

/** Binance's commission answer of order/test with computeCommissionRates: fees in the quote coin, no tax, no discount. */
const commissionRates = (fees: FeeRates) => ({
  standardCommissionForOrder: { maker: fixed8(fees.maker), taker: fixed8(fees.taker) },
  taxCommissionForOrder: { maker: fixed8(0n), taker: fixed8(0n) },
  discount: { enabledForAccount: false, enabledForSymbol: false, discountAsset: "BNB", discount: fixed8(0n) },
});

export async function testBinanceOrder({ portfolio, order, computeCommissionRates }: { portfolio: PortfolioScope; order: NewOrder; computeCommissionRates: boolean }) {
  await filtered(order);
  await previewOrder(order, portfolio);
  return computeCommissionRates ? commissionRates(feeRatesOf(portfolio)) : {};
}
