// Where the first training stands, for the Predict page and the 503 of /api/predict: waiting for enough
// daily candles, training (n of m models), or refusing because the market is simulated. Held on globalThis
// in the process that runs the worker (server.ts with RUN_WORKER, the default): a separate web-only process
// does not see it and shows the generic "no model yet" message instead.
import type { MarketSource } from "@/lib/market/types";

export type TrainingStatus =
  | { phase: "waiting"; candles: number; need: number }
  | { phase: "training"; done: number; total: number; current?: string }
  | { phase: "done"; trained: number; total: number }
  | { phase: "failed"; message: string }
  | { phase: "no-real-history"; source: string };

const g = globalThis as unknown as { __compraventaTraining?: TrainingStatus };

export function setTrainingStatus(s: TrainingStatus): void {
  g.__compraventaTraining = s;
}

export function getTrainingStatus(): TrainingStatus | undefined {
  return g.__compraventaTraining;
}

/**
 * Whether a market source's candles are real prices a model may learn from. Binance's are. The simulated
 * market's are invented (a random walk): a model trained on them would show invented accuracy, so it is never
 * trained on. The replay source replays real history, so it returns true.
 */
export function historyIsReal(source: MarketSource | "replay" | (string & {})): boolean {
  return source === "binance" || source === "replay";
}

/** One sentence for the page and the 503 message, or undefined when there is nothing to say. */
export function describeTrainingStatus(s: TrainingStatus | undefined): string | undefined {
  if (!s) return undefined;
  switch (s.phase) {
    case "waiting":
      return `Waiting for price history: ${s.candles} of the ${s.need} daily candles needed are cached; training starts by itself once they are.`;
    case "training":
      return `Training the forecast models in the background: ${s.done} of ${s.total} done${s.current ? ` (now ${s.current})` : ""}. This page shows them as soon as they are ready.`;
    case "done":
      return `Training finished: ${s.trained} of ${s.total} models trained.`;
    case "failed":
      return `Training failed: ${s.message}. The worker tries again at the next scheduled retraining.`;
    case "no-real-history":
      return `No real price history is available: this run uses the ${s.source} market (invented prices), and a model trained on invented prices would teach nothing. Forecasts need the Binance market, or a replay of recorded candles (MARKET_SOURCE=replay).`;
  }
}
