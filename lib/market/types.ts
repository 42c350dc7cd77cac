// The market data shapes shared by the feeds, the price store and the worker.

/** Where a price comes from; a run uses exactly one. */
export type MarketSource = "binance" | "simulated" | "replay";

/** One public trade of a pair: the only thing that may fire a stop order. */
export interface Trade {
  symbol: string;
  /** 1e-8 units */
  price: bigint;
  /** base quantity (market data, float is fine) */
  qty: number;
  tradeId: string;
  /** trade time (exchange clock, epoch ms) */
  time: number;
  /** when this process received it (local clock, epoch ms) */
  receivedAt: number;
}

/** Rolling 24 h statistics of a pair (Binance's miniTicker). */
export interface Ticker {
  symbol: string;
  last: bigint;
  open: bigint;
  high: bigint;
  low: bigint;
  /** base volume */
  volume: number;
  quoteVolume: number;
  /** event time, epoch ms */
  time: number;
}

/** What the worker needs from a market feed, Binance or simulated. */
export interface FeedHandlers {
  onTrade?: (trade: Trade) => void;
  onTicker?: (ticker: Ticker) => void;
  onConnection?: (connected: boolean) => void;
  onLog?: (line: string) => void;
}

export interface MarketFeed {
  readonly source: MarketSource;
  start(): Promise<void>;
  stop(): Promise<void>;
}
