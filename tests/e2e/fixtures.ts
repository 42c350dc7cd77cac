// The e2e fixtures: one real server (server.ts on a production build) per worker on a fresh database,
// fed by a fake Binance whose prices the tests move; helpers to register and sign in through the UI.
import { test as base, expect, type Page } from "@playwright/test";
import { startTestServer, type TestServer } from "../support/test-server";
import { lastMailTo } from "../support/db-query";

export interface Market {
  server: TestServer;
  /** the price the fake exchange trades a pair at from now on (a trade every 400 ms) */
  setPrice(symbol: string, price: string): void;
  /** the text of the last mail the app put into its outbox for `to` (no RESEND_API_KEY in tests) */
  lastMailTo(to: string): Promise<string | undefined>;
}

const CANDLE_INTERVALS = ["15m", "1h", "12h", "1d", "1w"] as const;
const INTERVAL_MS: Record<string, number> = { "15m": 900_000, "1h": 3_600_000, "12h": 43_200_000, "1d": 86_400_000, "1w": 604_800_000 };

/** 500 candles of a seeded random walk that ends at `price` (Binance's 12-column rows). */
function historyAround(price: number, interval: string): unknown[][] {
  const len = INTERVAL_MS[interval] ?? 3_600_000;
  const last = Math.floor(Date.now() / len) * len;
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const closes: number[] = [price];
  for (let i = 1; i < 500; i++) closes.unshift((closes[0] ?? price) * (1 + rnd() * 0.02));
  const dp = price < 10 ? 6 : 2;
  return closes.map((close, i) => {
    const open = i === 0 ? close : (closes[i - 1] ?? close);
    const high = Math.max(open, close) * (1 + Math.abs(rnd()) * 0.006);
    const low = Math.min(open, close) * (1 - Math.abs(rnd()) * 0.006);
    const t = last - (499 - i) * len;
    const vol = (50 + Math.abs(rnd()) * 200).toFixed(4);
    return [t, open.toFixed(dp), high.toFixed(dp), low.toFixed(dp), close.toFixed(dp), vol, t + len - 1, "0", 100, "0", "0", "0"];
  });
}

export const SCREENSHOTS = "tests/.artifacts/screenshots";
export const PASSWORD = "correct horse battery";

export const test = base.extend<object, { market: Market }>({
  market: [
    async ({}, provide) => {
      const server = await startTestServer();
      const prices = new Map<string, string>([
        ["BTCUSDT", "90000.5"],
        ["ETHUSDT", "3000.25"],
        ["BNBUSDT", "880.1"],
        ["LTCUSDT", "85.2"],
        ["XRPUSDT", "2.1"],
      ]);
      // Candle history around today's prices (the fake's default is flat at 100), read by the worker at
      // start: restart once so the charts and 24 h figures look like a market.
      for (const [symbol, price] of prices) {
        server.binance.setPrice(symbol, price);
        for (const interval of CANDLE_INTERVALS) server.binance.setKlines(symbol, interval, historyAround(Number(price), interval));
      }
      await server.restart();
      // Trades keep every price fresh (orders need a trade at most PRICE_MAX_AGE_MS old); 24 h stats too.
      let beats = 0;
      const timer = setInterval(() => {
        for (const [symbol, price] of prices) {
          server.binance.trade(symbol, price);
          if (beats % 5 === 0) {
            const p = Number(price);
            server.binance.miniTicker(symbol, { open: String(p * 0.985), high: String(p * 1.012), low: String(p * 0.978), close: price, volume: "1234.5" });
          }
        }
        beats++;
      }, 400);
      const mailTo = async (to: string) => (await lastMailTo(server.db.url, to))?.text;
      await provide({ server, setPrice: (s, p) => prices.set(s, p), lastMailTo: mailTo });
      clearInterval(timer);
      await server.close();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ market }, provide) => {
    await provide(market.server.url);
  },
});

export { expect };

let n = 0;
/** A fresh email per call. */
export const newEmail = (prefix = "e2e") => `${prefix}${Date.now()}${++n}@example.com`;

/** Registers through the API (fast path for tests that are not about registration). */
export async function registerByApi(page: Page, email: string, name = "Test Trader"): Promise<void> {
  const r = await page.request.post("/api/register", { data: { email, password: PASSWORD, name, age: 30, country: "Spain", PhoneNo: "+34 600 000 000" } });
  expect(r.status()).toBe(201);
}

/** Signs in through the login page and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
}
