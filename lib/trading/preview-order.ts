// POST /api/orders/preview – what an order would do now (price, fee, lock, marketable), every rule
// checked but the balance: what the order form shows before the user confirms.
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { planOrder, type OrderPlan, type OrderRequest } from "./order-plan";

export async function previewOrder(input: OrderRequest): Promise<OrderPlan> {
  const last = await getFreshPrice(input.pair.symbol);
  return planOrder(input, last.price);
}
