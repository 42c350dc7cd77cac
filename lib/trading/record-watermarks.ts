// The moved watermarks of active trailing stops, written to their rows (the worker calls this at most once
// a second and at shutdown), so that a restart resumes every trailing stop from its last recorded extreme.
// Guarded: only open, untriggered rows, and only towards the side's extreme (a late write never moves a
// row back). Like an activation this is no user-visible change of the order (no version or updatedAt
// bump): it races with no cancel or fill, which decide on the version.
import { atomic, type Step } from "@/lib/atomic";
import type { Side } from "./order-types";

export interface WatermarkMove {
  side: Side;
  watermark: bigint;
  orders: { id: string }[];
}

/** ids per statement: far below SQLite's and PostgreSQL's parameter limits */
const CHUNK = 500;

function steps(m: WatermarkMove): Step[] {
  // SELL tracks the high: a row below the new watermark rises to it; BUY mirrors.
  const toward = m.side === "SELL" ? "<" : ">";
  const out: Step[] = [];
  for (let i = 0; i < m.orders.length; i += CHUNK) {
    const ids = m.orders.slice(i, i + CHUNK).map((o) => o.id);
    out.push({
      sql: `UPDATE "Order" SET "watermark" = ? WHERE "id" IN (${ids.map(() => "?").join(",")}) AND "status" = 'OPEN' AND "triggeredAt" IS NULL AND "watermark" IS NOT NULL AND "watermark" ${toward} ?`,
      params: [m.watermark, ...ids, m.watermark],
    });
  }
  return out;
}

export async function recordWatermarks(moves: WatermarkMove[]): Promise<void> {
  const all = moves.flatMap(steps);
  if (all.length) await atomic(all);
}
