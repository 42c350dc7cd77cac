"use client";
// The user's open orders (GET /api/orders?status=open), one SWR entry shared by the list and the chart's
// price lines. Revalidated after every order change the socket announces (fill-notifier), which includes a
// trailing stop's trigger moving with the market (the worker announces it at most once a second).
import useSWR from "swr";
import { swrFetcher } from "@/components/data/api-fetch";
import { OPEN_ORDERS_KEY, type Order } from "./order";

export interface OrderPage {
  orders: Order[];
  next_cursor: string | null;
}

export function useOpenOrders(initial?: Order[]) {
  return useSWR<OrderPage, Error>(OPEN_ORDERS_KEY, swrFetcher, {
    fallbackData: initial ? { orders: initial, next_cursor: null } : undefined,
  });
}
