// Tells a market worker running in this process about an order placed, changed or closed, so it arms or
// disarms it at once. A worker in another process finds the change on its next database sync instead.
import { marketEvents } from "@/lib/market/events";
import type { OpenOrder } from "./open-order";

export function announceOpenOrder(order: OpenOrder): void {
  marketEvents.emit("order-armed", order);
}

export function announceClosedOrder(id: string, symbol: string): void {
  marketEvents.emit("order-disarmed", { id, symbol });
}
