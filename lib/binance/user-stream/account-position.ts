// Binance's outboundAccountPosition event (user data stream): the changed coins' free and locked amounts.
import { fixed8 } from "@/lib/binance/present-order";

export interface CoinBalance {
  coin: string;
  free: bigint;
  locked: bigint;
}

export function accountPosition(balances: CoinBalance[], { now, updatedAt }: { now: number; updatedAt: number }) {
  return {
    e: "outboundAccountPosition",
    E: now,
    u: updatedAt,
    B: balances.map((b) => ({ a: b.coin, f: fixed8(b.free), l: fixed8(b.locked) })),
  };
}
