// base + quote as the client sent them -> a configured pair, or 400 UNKNOWN_PAIR.
import { DomainError } from "@/lib/domain-error";
import { findPairByCoins, type Pair } from "@/lib/markets";

export function resolvePair(base: string, quote: string): Pair {
  const pair = findPairByCoins(base, quote);
  if (!pair) throw new DomainError("UNKNOWN_PAIR", `${base}/${quote} is not a pair traded here.`, { base: "unknown pair", quote: "unknown pair" });
  return pair;
}
