// The tickers' `symbol` (one object answered) or `symbols` (a list), or neither (every pair, a list).
import { BinanceError } from "./errors";
import type { BinanceParams } from "./params";
import type { Pair } from "@/lib/markets";

export function pairsParam(p: BinanceParams): [Pair[] | undefined, boolean] {
  if (p.has("symbol") && p.has("symbols")) throw new BinanceError(-1128, "Combination of optional parameters invalid.");
  const one = p.optionalSymbol();
  return one ? [[one], true] : [p.symbols(), false];
}
