// Drives the fake Binance and waits until the server has seen the trade (its /api/markets shows it).
import type { Api } from "./api-client";
import type { TestServer } from "./test-server";
import { waitFor } from "./wait-for";

interface Market {
  symbol: string;
  price: number | null;
  stale: boolean;
  source: string;
}

export async function tradeAt(server: TestServer, api: Api, symbol: string, price: string): Promise<void> {
  server.binance.trade(symbol, price);
  await waitFor(async () => {
    const r = await api<{ markets: Market[] }>("GET", "/api/markets");
    const m = r.body.markets.find((x) => x.symbol === symbol);
    return m && m.price === Number(price) && !m.stale;
  }, `${symbol} at ${price}`);
}

export async function market(api: Api, symbol: string): Promise<Market | undefined> {
  const r = await api<{ markets: Market[] }>("GET", "/api/markets");
  return r.body.markets.find((x) => x.symbol === symbol);
}

/** A live market trades all the time: re-trade a pair at its current test price until stopped. */
export function keepMarketLive(server: TestServer, symbol: string, initial: string, everyMs = 400) {
  let price = initial;
  const timer = setInterval(() => server.binance.trade(symbol, price), everyMs);
  return {
    set(p: string) {
      price = p;
    },
    stop: () => clearInterval(timer),
  };
}
