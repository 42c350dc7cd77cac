import { binancePublic } from "@/lib/binance/handler";
import { binanceOtherMethods } from "@/lib/binance/other-methods";

export const dynamic = "force-dynamic";

// GET /sapi/v1/system/status – always normal (0)
export const GET = binancePublic({ weight: 1 }, async () => ({ status: 0, msg: "normal" }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
