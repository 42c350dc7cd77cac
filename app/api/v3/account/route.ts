import { getBinanceAccount } from "@/lib/binance/get-binance-account";
import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /api/v3/account – balances (all six coins unless omitZeroBalances=true), fee rates, canTrade
export const GET = binanceSigned("USER_DATA", { weight: 20 }, async ({ params, portfolio, canTrade }) =>
  getBinanceAccount({ portfolio, canTrade, omitZeroBalances: params.bool("omitZeroBalances") }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
