// Portfolio value in USDT: sum of (free + locked) x last USDT price; pnl = value - the starting balance.
// (The original's wire field `profit` is the value itself: see get-wallet.ts.)
import { mulUnits } from "@/lib/money";
import { STARTING_BALANCE } from "@/lib/markets";

export interface Holding {
  coin: string;
  free: bigint;
  locked: bigint;
}

export function valueHoldings(holdings: Holding[], usdt: Map<string, bigint>, startingBalance: bigint = STARTING_BALANCE): { value: bigint; pnl: bigint } {
  let value = 0n;
  for (const h of holdings) value += mulUnits(h.free + h.locked, usdt.get(h.coin) ?? 0n, "down");
  return { value, pnl: value - startingBalance };
}

/** The original's stars, from the gain (its frontend's `profit - 50000`): <= 0: 0; < 1,000: 1; < 2,000: 2; < 3,500: 3; <= 5,000: 4; above: 5. */
export function starsFor(pnl: bigint): number {
  const p = pnl;
  const usdt = (n: number) => BigInt(n) * 100_000_000n;
  if (p <= 0n) return 0;
  if (p < usdt(1000)) return 1;
  if (p < usdt(2000)) return 2;
  if (p < usdt(3500)) return 3;
  if (p <= usdt(5000)) return 4;
  return 5;
}
