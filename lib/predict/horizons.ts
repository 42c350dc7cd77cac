// The prediction horizons of the API (`time`): the close of the next 1-day, 3-day and 1-week candle,
// counted in daily candles after the last complete one.

export const HORIZONS = ["1d", "3d", "1w"] as const;
export type Horizon = (typeof HORIZONS)[number];

export const HORIZON_STEPS: Record<Horizon, number> = { "1d": 1, "3d": 3, "1w": 7 };

/** Narrows user input ("1D", " 3d") to a horizon, or undefined. */
export function parseHorizon(value: string): Horizon | undefined {
  const v = value.trim().toLowerCase();
  return (HORIZONS as readonly string[]).includes(v) ? (v as Horizon) : undefined;
}
