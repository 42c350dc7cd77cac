// Open orders as the list shows them: an OCO's two legs as one entry (limit leg first, then the stop
// leg), everything else on its own; newest first.
import { hasTrigger, type Order } from "./order";

export interface OrderGroup {
  /** the OCO id, or the order id of a single order */
  key: string;
  oco_id: string | null;
  legs: Order[];
}

const newest = (g: OrderGroup) => Math.max(...g.legs.map((o) => Date.parse(o.created_at) || 0));

/** Groups OCO legs by `oco_id`, keeping the server's order inside each group stable. */
export function groupOrders(orders: readonly Order[]): OrderGroup[] {
  const groups = new Map<string, OrderGroup>();
  for (const o of orders) {
    const key = o.oco_id ?? o.order_id;
    const g = groups.get(key);
    if (g) g.legs.push(o);
    else groups.set(key, { key, oco_id: o.oco_id, legs: [o] });
  }
  const list = [...groups.values()];
  for (const g of list) if (g.legs.length > 1) g.legs.sort((a, b) => Number(hasTrigger(a.type)) - Number(hasTrigger(b.type)));
  return list.sort((a, b) => newest(b) - newest(a));
}
