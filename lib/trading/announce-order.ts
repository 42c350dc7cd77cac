// Tells a market worker running in this process about an order placed, changed or closed, so it arms or
// disarms it at once. A worker in another process finds the change on its next database sync instead.
// announceOrderChange tells the live channels (/ws, /ws-api/v3) that one of a user's orders changed.
import { marketEvents } from "@/lib/market/events";
import type { OpenOrder } from "./open-order";

export function announceOpenOrder(order: OpenOrder): void {
  marketEvents.emit("order-armed", order);
}

export function announceClosedOrder(id: string, symbol: string): void {
  marketEvents.emit("order-disarmed", { id, symbol });
}

/** After the commit of any change of a user's order: the user's /ws sockets and user data streams hear it. */
export function announceOrderChange(portfolioId: string, orderId: string): void {
  marketEvents.emit("order-changed", { portfolioId, orderId });
}
