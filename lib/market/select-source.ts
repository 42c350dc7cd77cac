// Which market this run uses. MARKET_SOURCE=binance|simulated forces one; auto asks Binance's REST ping
// with a short timeout and falls back to the simulated market, saying so loudly. A run never mixes them.
import { env } from "@/lib/env";
import { pingBinance } from "./binance-rest";
import type { MarketSource } from "./types";

export interface SelectSourceOptions {
  mode?: "auto" | MarketSource;
  restUrl?: string;
  timeoutMs?: number;
  onLog?: (line: string) => void;
}

// Resolves the source for this run; never throws (an unreachable Binance in auto mode means simulated).
export async function selectMarketSource(opts: SelectSourceOptions = {}): Promise<MarketSource> {
  const mode = opts.mode ?? env.MARKET_SOURCE;
  const restUrl = opts.restUrl ?? env.BINANCE_REST_URL;
  const log = opts.onLog ?? ((line: string) => console.warn(line));
  if (mode !== "auto") {
    log(`market source: ${mode} (forced by MARKET_SOURCE)`);
    return mode;
  }
  if (await pingBinance(restUrl, opts.timeoutMs ?? 3000)) {
    log(`market source: binance (${restUrl})`);
    return "binance";
  }
  log(`!!! Binance unreachable at ${restUrl}: running the SIMULATED market (prices are not real) !!!`);
  return "simulated";
}
