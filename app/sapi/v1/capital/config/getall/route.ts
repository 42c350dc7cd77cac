import { capitalConfig } from "@/lib/binance/capital-config";
import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /sapi/v1/capital/config/getall – each coin with the account's amounts (ccxt's fetchCurrencies)
export const GET = binanceSigned("USER_DATA", { weight: 10 }, async ({ portfolio }) => capitalConfig({ portfolioId: portfolio.id }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
