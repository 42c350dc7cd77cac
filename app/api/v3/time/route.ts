import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /api/v3/time – the server's clock, for signing with a timestamp
export const GET = binancePublic({ weight: 1 }, async () => ({ serverTime: Date.now() }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
