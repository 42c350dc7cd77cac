"use client";
// The user's open orders (GET /api/orders?status=open), one SWR entry shared by the list and the chart's
// price lines. Revalidated after every order and fill (fill-notifier); while a trailing stop is open it
// is also re-read every few seconds, because its trigger moves with the market.
import useSWR from "swr";
import { swrFetcher } from "@/components/data/api-fetch";
import { OPEN_ORDERS_KEY, type Order } from "./order";

export interface OrderPage {
  orders: Order[];
  next_cursor: string | null;
}

const TRAILING_REFRESH_MS = 5000;

export function useOpenOrders(initial?: Order[]) {
  return useSWR<OrderPage, Error>(OPEN_ORDERS_KEY, swrFetcher, {
    fallbackData: initial ? { orders: initial, next_cursor: null } : undefined,
    refreshInterval: (page) => (page?.orders.some((o) => o.trailing_delta != null) ? TRAILING_REFRESH_MS : 0),
  });
}
