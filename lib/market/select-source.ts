// Which market this run uses. MARKET_SOURCE=binance|simulated|replay forces one; auto asks Binance's REST
// ping with a short timeout, and when Binance is unreachable replays REPLAY_DIR if it holds kline files,
// else falls back to the simulated market, saying so loudly. A run never mixes them.
import { env } from "@/lib/env";
import { pingBinance } from "./binance-rest";
import { scanReplayDir } from "./replay/replay-files";
import type { MarketSource } from "./types";

export interface SelectSourceOptions {
  mode?: "auto" | MarketSource;
  restUrl?: string;
  timeoutMs?: number;
  /** the folder auto mode replays when Binance is unreachable (default REPLAY_DIR) */
  replayDir?: string;
  onLog?: (line: string) => void;
}

// Resolves the source for this run; never throws (an unreachable Binance in auto mode means replay or simulated).
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
  const replayDir = opts.replayDir ?? env.REPLAY_DIR;
  if ((await scanReplayDir(replayDir)).length > 0) {
    log(`!!! Binance unreachable at ${restUrl}: REPLAYING the recorded market in ${replayDir} (past prices) !!!`);
    return "replay";
  }
  log(`!!! Binance unreachable at ${restUrl}: running the SIMULATED market (prices are not real) !!!`);
  return "simulated";
}
