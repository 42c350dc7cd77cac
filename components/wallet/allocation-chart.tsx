"use client";
// How the portfolio's value splits across coins (recharts pie), with a text legend for everyone.
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatUsdt } from "@/components/format/format-number";

const COLORS: Record<string, string> = { USDT: "#4ea1ff", BTC: "#f7a23b", ETH: "#a58cff", LTC: "#b8c4d0", XRP: "#34c77b", BNB: "#ffd66b" };

/** Pie of value per coin. */
export function AllocationChart({ slices }: { slices: { coin: string; value: number }[] }) {
  const total = slices.reduce((a, s) => a + s.value, 0);
  if (total <= 0) return <p className="empty">Nothing to show yet.</p>;
  return (
    <div>
      <div style={{ height: 220 }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie data={slices} dataKey="value" nameKey="coin" innerRadius={55} outerRadius={90} isAnimationActive={false} stroke="#121821">
              {slices.map((s) => (
                <Cell key={s.coin} fill={COLORS[s.coin] ?? "#9fb0c3"} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => formatUsdt(Number(v))} contentStyle={{ background: "#1a2230", border: "1px solid #2a3545", color: "#e8eef5" }} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "flex", flexWrap: "wrap", gap: "4px 16px" }}>
        {slices.map((s) => (
          <li key={s.coin}>
            <span aria-hidden="true" style={{ color: COLORS[s.coin] ?? "#9fb0c3" }}>
              ●
            </span>{" "}
            {s.coin} <span className="num">{((s.value / total) * 100).toFixed(1)} %</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
