import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /api/v3/ping – connectivity
export const GET = binancePublic({ weight: 1 }, async () => ({}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
