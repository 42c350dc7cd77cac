import { binanceSigned } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { presentCommission } from "@/lib/binance/present-account";

export const dynamic = "force-dynamic";

// GET /api/v3/account/commission?symbol= – the account's fee rates on a pair
export const GET = binanceSigned("USER_DATA", { weight: 20 }, async ({ params }) => presentCommission(params.symbol().symbol));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
