import { withPublic } from "@/lib/api/handler";
import { listMarkets } from "@/lib/market/list-markets";
import { otherMethods } from "@/lib/api/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/markets – every pair with its last price, 24 h change, source and staleness
export const GET = withPublic(async () => listMarkets());

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
