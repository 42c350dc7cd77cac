"use client";
// React hooks over the shared market socket: each one re-renders only its own component.
import { useEffect, useSyncExternalStore } from "react";
import {
  getQuote,
  getStatus,
  getTicker,
  getTrades,
  subscribeFills,
  subscribeOrders,
  subscribeReplay,
  subscribeStatus,
  subscribeSymbol,
  type Fill,
  type OrderEvent,
  type ReplayClock,
  type Quote,
  type SocketStatus,
  type Ticker,
  type Trade,
} from "./market-socket";

const EMPTY: Trade[] = [];
const OFFLINE: SocketStatus = { connected: false, source: null, lastTickAt: 0 };

/** The live quote of a symbol (undefined until known). */
export function useQuote(symbol: string): Quote | undefined {
  return useSyncExternalStore(
    (l) => subscribeSymbol(symbol, l),
    () => getQuote(symbol),
    () => getQuote(symbol),
  );
}

/** Where a symbol's price comes from; re-renders only when that changes, not on every tick. */
export function useQuoteSource(symbol: string): string | null {
  return useSyncExternalStore(
    (l) => subscribeSymbol(symbol, l),
    () => getQuote(symbol)?.source ?? null,
    () => getQuote(symbol)?.source ?? null,
  );
}

/** 24 h stats of a symbol. */
export function useTicker(symbol: string): Ticker | undefined {
  return useSyncExternalStore(
    (l) => subscribeSymbol(symbol, l),
    () => getTicker(symbol),
    () => getTicker(symbol),
  );
}

/** The latest market trades of a symbol, newest first. */
export function useTrades(symbol: string): Trade[] {
  return useSyncExternalStore(
    (l) => subscribeSymbol(symbol, l),
    () => getTrades(symbol) ?? EMPTY,
    () => EMPTY,
  );
}

/** Whether the socket is up, which source prices come from, and when the last tick arrived. */
export function useSocketStatus(): SocketStatus {
  return useSyncExternalStore(subscribeStatus, getStatus, () => OFFLINE);
}

/** Calls `onFill` for every fill of the signed-in user while mounted. */
export function useFills(onFill: (f: Fill) => void): void {
  useEffect(() => subscribeFills(onFill), [onFill]);
}


/** Calls `onOrder` for every change of one of the signed-in user's orders while mounted. */
export function useOrderEvents(onOrder: (o: OrderEvent) => void): void {
  useEffect(() => subscribeOrders(onOrder), [onOrder]);
}

/** Calls `onClock` with every replay clock message while mounted. */
export function useReplayClock(onClock: (r: ReplayClock) => void): void {
  useEffect(() => subscribeReplay(onClock), [onClock]);
}
