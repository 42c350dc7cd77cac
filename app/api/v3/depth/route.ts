import { depthWeight, synthesizedDepth } from "@/lib/binance/depth";
import { BinanceError, MSG } from "@/lib/binance/errors";
import { binancePublic } from "@/lib/binance/handler";
import { limitParam } from "@/lib/binance/limit-param";
import { binanceOtherMethods } from "@/lib/binance/other-methods";
import { marketStats } from "@/lib/market/market-stats";

export const dynamic = "force-dynamic";

// GET /api/v3/depth?symbol=&limit= – a SYNTHESIZED book around the last price (lib/binance/depth.ts)
export const GET = binancePublic({ weight: (p) => depthWeight(Number(p.get("limit") ?? 100) || 100) }, async ({ params }) => {
  const pair = params.symbol();
  const limit = limitParam(params, 100, 5000);
  const stats = (await marketStats()).get(pair.symbol);
  if (!stats) throw new BinanceError(-1013, MSG.marketClosed);
  return synthesizedDepth(pair, stats.last, limit, stats.time);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = binanceOtherMethods("GET");
