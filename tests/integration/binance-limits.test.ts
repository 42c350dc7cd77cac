// The Binance dialect's limits on a server configured small (binance-api.md §8): the account's ORDERS per
// 10 s answer 429 -1015 with Retry-After and leave the balance alone; the IP's request weight per minute
// answers 429 -1003 with Retry-After, and a client that keeps sending is banned: 418, Retry-After 120.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, newUser, type Api } from "../support/api-client";
import { binanceClient, newApiKey, type BinanceSend } from "../support/binance-signer";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { startTestServer, type TestServer } from "../support/test-server";
import { freshWindow } from "../support/wait-for";

let server: TestServer;
let api: Api;
let bn: BinanceSend;
let live: ReturnType<typeof keepMarketLive>;

beforeAll(async () => {
  server = await startTestServer({ BINANCE_REQUEST_WEIGHT_1M: "100", BINANCE_ORDERS_10S: "3", BINANCE_ORDERS_1D: "1000" });
  api = apiClient(server.url);
  bn = binanceClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
  live = keepMarketLive(server, "BTCUSDT", "90000");
});
afterAll(async () => {
  live?.stop();
  await server?.close();
});


describe("Binance limits", () => {
  it("ORDERS per 10 s: the 4th order of the window is 429 -1015 with Retry-After and moves nothing; another account is not limited", async () => {
    const u = await newUser(api, "lim");
    const key = await newApiKey(api, u.token);
    const other = await newApiKey(api, (await newUser(api, "lim2")).token);
    const market = { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.001" };
    await freshWindow(10_000, 6_000);
    for (let i = 1; i <= 3; i++) {
      const r = await bn("POST", "/api/v3/order", market, { key });
      expect(r.status).toBe(200);
      expect(r.headers.get("x-mbx-order-count-10s")).toBe(String(i));
    }
    const over = await bn("POST", "/api/v3/order", market, { key });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ code: -1015, msg: "Too many new orders; current limit is 3 orders per 10 SECOND." });
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers.get("retry-after"))).toBeLessThanOrEqual(10);
    const w = (await api<{ balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token })).body;
    expect(w.balance.BTC).toBe(0.003);
    expect((await bn("POST", "/api/v3/order", market, { key: other })).status).toBe(200);
  });

  it("REQUEST_WEIGHT per minute: over it 429 -1003 with Retry-After; sending on earns a 418 ban of 120 s", async () => {
    await freshWindow(60_000, 20_000);
    let last = await bn("GET", "/api/v3/exchangeInfo");
    let used = 0;
    for (let i = 0; i < 10 && last.status === 200; i++) {
      used = Number(last.headers.get("x-mbx-used-weight-1m"));
      last = await bn("GET", "/api/v3/exchangeInfo");
    }
    expect(last.status).toBe(429);
    expect(used).toBeLessThanOrEqual(100);
    expect(used + 20).toBeGreaterThan(100);
    expect(last.body).toMatchObject({ code: -1003 });
    expect((last.body as { msg: string }).msg).toMatch(/^Too much request weight used; current limit is 100 request weight per 1 MINUTE/);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const banned = await bn("GET", "/api/v3/ping");
    expect(banned.status).toBe(418);
    expect(banned.body).toMatchObject({ code: -1003 });
    expect(banned.headers.get("retry-after")).toBe("120");
    const still = await bn("GET", "/api/v3/time");
    expect(still.status).toBe(418);
    expect(Number(still.headers.get("retry-after"))).toBeLessThanOrEqual(120);
    // the native API is not the Binance dialect's: its limits are its own
    expect((await api("GET", "/api/markets")).status).toBe(200);
  });
});
