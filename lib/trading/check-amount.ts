// A base amount must be a whole number of the pair's lot steps (Binance's LOT_SIZE).
import { DomainError } from "@/lib/domain-error";
import type { Pair } from "@/lib/markets";
import { formatUnits } from "@/lib/money";

export function assertLotStep(pair: Pair, amount: bigint): void {
  if (amount % pair.step !== 0n) {
    throw new DomainError("VALIDATION_FAILED", `b_amount: must be a multiple of ${formatUnits(pair.step)} ${pair.base} for ${pair.symbol}.`, {
      b_amount: `must be a multiple of ${formatUnits(pair.step)}`,
    });
  }
}
