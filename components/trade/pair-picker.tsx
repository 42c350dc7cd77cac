"use client";
// The pair picker: a native select (keyboard and screen-reader friendly) over the 14 pairs.
import type { PairInfo } from "./types";

/** Picks the dashboard's pair. */
export function PairPicker({ pairs, value, onChange }: { pairs: PairInfo[]; value: string; onChange: (symbol: string) => void }) {
  return (
    <div className="field" style={{ margin: 0, minWidth: 180 }}>
      <label htmlFor="pair-picker">Pair</label>
      <select id="pair-picker" className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {pairs.map((p) => (
          <option key={p.symbol} value={p.symbol}>
            {p.base}/{p.quote}
          </option>
        ))}
      </select>
    </div>
  );
}
