// One daily candle as the prediction code sees it: plain numbers (market data, not money).

export interface Candle {
  /** UTC open time, milliseconds */
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export const DAY_MS = 86_400_000;
