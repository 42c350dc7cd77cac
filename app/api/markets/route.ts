import { withPublic } from "@/lib/api/handler";
import { listMarkets } from "@/lib/market/list-markets";

export const dynamic = "force-dynamic";

// GET /api/markets – every pair with its last price, 24 h change, source and staleness
export const GET = withPublic(async () => listMarkets());
