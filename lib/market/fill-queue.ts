// Runs the fills of fired stop orders one pair at a time, in firing order: two fills of the same pair
// never overlap (so their balance checks see each other's results), different pairs proceed in parallel.
import type { OpenOrder as OpenStopOrder } from "@/lib/trading/open-order";

export interface FiredBatch {
  symbol: string;
  orders: OpenStopOrder[];
  price: bigint;
  tradeId: string;
  tradeTime: number;
  receivedAt: number;
}

export class FillQueue {
  private tails = new Map<string, Promise<void>>();

  constructor(private readonly run: (batch: FiredBatch) => Promise<void>) {}

  enqueue(batch: FiredBatch): void {
    const tail = this.tails.get(batch.symbol) ?? Promise.resolve();
    const next = tail.then(() => this.run(batch)).catch(() => undefined);
    this.tails.set(batch.symbol, next);
    void next.then(() => {
      if (this.tails.get(batch.symbol) === next) this.tails.delete(batch.symbol);
    });
  }

  // Resolves when every queued fill has ended (graceful shutdown).
  async drain(): Promise<void> {
    while (this.tails.size) await Promise.all([...this.tails.values()]);
  }

  get pending(): number {
    return this.tails.size;
  }
}
