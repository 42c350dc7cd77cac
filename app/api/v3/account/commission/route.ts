import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { presentCommission } from "@/lib/binance/present-account";
import { feeRatesOf } from "@/lib/portfolio/trading-rules";

export const dynamic = "force-dynamic";

// GET /api/v3/account/commission?symbol= – the account's fee rates on a pair
export const GET = binanceSigned("USER_DATA", { weight: 20 }, async ({ params, portfolio }) => presentCommission(params.symbol().symbol, feeRatesOf(portfolio)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
