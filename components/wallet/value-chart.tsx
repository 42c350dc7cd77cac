"use client";
// Portfolio value over time (recharts area) from the recorded snapshots plus the value now.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsdt } from "@/components/format/format-number";

const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Area chart of `points`; `current` is appended as "now". */
export function ValueChart({ points, current }: { points: { at: string; value: number }[]; current: number }) {
  const data = [...points.map((p) => ({ t: Date.parse(p.at), value: p.value })), { t: Date.now(), value: current }];
  if (points.length === 0) {
    return <p className="empty">No history yet: the value is recorded every hour and after each fill.</p>;
  }
  const first = data[0]?.value ?? current;
  return (
    <div style={{ height: 260 }} role="img" aria-label={`Portfolio value from ${formatUsdt(first)} to ${formatUsdt(current)}`}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#1d2633" />
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={(t: number) => dateFmt.format(t)} stroke="#9fb0c3" fontSize={12} />
          <YAxis domain={["auto", "auto"]} stroke="#9fb0c3" fontSize={12} width={70} tickFormatter={(v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 })} />
          <Tooltip labelFormatter={(t) => dateFmt.format(Number(t))} formatter={(v) => formatUsdt(Number(v))} contentStyle={{ background: "#1a2230", border: "1px solid #2a3545", color: "#e8eef5" }} />
          <Area type="monotone" dataKey="value" stroke="#4ea1ff" fill="rgba(78,161,255,0.2)" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
