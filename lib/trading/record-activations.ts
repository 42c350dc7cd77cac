// A trailing stop that reached its activation price starts trailing from that trade: its first
// watermark is written to its row (not a user-visible change: no version bump, so no race with a cancel
// or fill, which decide on the version). The worker holds the live watermark in memory meanwhile.
import { atomic } from "@/lib/atomic";
import type { OpenOrder } from "./open-order";

export async function recordActivations(orders: OpenOrder[]): Promise<void> {
  if (!orders.length) return;
  await atomic(
    orders.map((o) => ({
      sql: `UPDATE "Order" SET "watermark" = ? WHERE "id" = ? AND "status" = 'OPEN' AND "watermark" IS NULL`,
      params: [o.watermark ?? null, o.id],
    })),
  );
}
