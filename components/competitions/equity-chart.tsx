"use client";
// Every participant's portfolio value over time in one chart (one line each; the caller's drawn thicker).
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsdt } from "@/components/format/format-number";
import type { EquitySeries } from "./competition";

const COLOURS = ["#4ea1ff", "#f5a524", "#2ecc71", "#e5484d", "#a78bfa", "#22d3ee", "#f472b6", "#facc15"];
const timeFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export function EquityChart({ series }: { series: EquitySeries[] }) {
  const drawn = series.filter((s) => s.points.length > 0);
  if (drawn.length === 0) return <p className="empty">No values recorded yet: they are recorded while the competition runs.</p>;
  return (
    <div style={{ height: 300 }} role="img" aria-label={`Portfolio values of ${drawn.length} participants over time`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#1d2633" />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={(t: number) => timeFmt.format(t)} stroke="#9fb0c3" fontSize={12} allowDuplicatedCategory={false} />
          <YAxis domain={["auto", "auto"]} stroke="#9fb0c3" fontSize={12} width={70} tickFormatter={(v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 })} />
          <Tooltip labelFormatter={(t) => timeFmt.format(Number(t))} formatter={(v) => formatUsdt(Number(v))} contentStyle={{ background: "#1a2230", border: "1px solid #2a3545", color: "#e8eef5" }} />
          <Legend />
          {drawn.map((s, i) => (
            <Line
              key={`${s.name}-${i}`}
              data={s.points}
              dataKey="value"
              name={s.mine ? `${s.name} (you)` : s.name}
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={s.mine ? 3 : 1.5}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
