import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { presentTradeFees } from "@/lib/binance/present-account";
import { PAIRS } from "@/lib/markets";
import { feeRatesOf } from "@/lib/portfolio/trading-rules";

export const dynamic = "force-dynamic";

// GET /sapi/v1/asset/tradeFee[?symbol=] – the fee rates of one pair or of all
export const GET = binanceSigned("USER_DATA", { weight: 1 }, async ({ params, portfolio }) =>
  presentTradeFees(params.has("symbol") ? [params.symbol().symbol] : PAIRS.map((p) => p.symbol), feeRatesOf(portfolio)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
