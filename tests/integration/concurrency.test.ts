// Money under concurrency: many simultaneous orders at one account (also through a second server process
// on the same database), and cancel / fill / reset racing on one order. No balance goes negative, fills
// match what the money allows, the ledger explains every balance, and a lock is released exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort, spawnServer, startTestServer, stopChild, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { ledgerMismatches, queryDb } from "../support/db-query";
import { keepMarketLive, market, tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";
import type { ChildProcess } from "node:child_process";

let server: TestServer;
let api: Api;
let second: { child: ChildProcess; api: Api };

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  // A second app process without a worker on the same database, as in a Vercel + worker deployment.
  const port = await freePort();
  const logs: string[] = [];
  const child = spawnServer({ ...server.env, PORT: String(port), RUN_WORKER: "false" }, logs);
  const api2 = apiClient(`http://127.0.0.1:${port}`);
  await waitFor(async () => (await api2("GET", "/api/markets").catch(() => undefined))?.status === 200, "the second server", 60_000);
  second = { child, api: api2 };
});
// Keep BTCUSDT fresh at the current test price while requests race (started once the server is up).
let live: ReturnType<typeof keepMarketLive> | undefined;

afterAll(async () => {
  live?.stop();
  if (second) await stopChild(second.child);
  await server?.close();
});
// Both processes must see the price: the second one reads what the worker records in the database.
async function freshEverywhere(price: string): Promise<void> {
  live ??= keepMarketLive(server, "BTCUSDT", price);
  live.set(price);
  await tradeAt(server, api, "BTCUSDT", price);
  await waitFor(async () => {
    const m = await market(second.api, "BTCUSDT");
    return m?.price === Number(price) && !m.stale;
  }, "the second process to see the price");
}
beforeEach(async () => freshEverywhere("90000"));

async function negativeBalances(): Promise<unknown[]> {
  return queryDb(server.db.url, `SELECT * FROM "Balance" WHERE "free" < 0 OR "locked" < 0`);
}

describe("simultaneous orders at one account", () => {
  it("fills exactly as many market buys as the money allows (60 at once, two processes)", async () => {
    const u = await newUser(api, "race");
    const body = { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 }; // 9,009 USDT each with the fee
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? second.api : api)("POST", "/api/order/market", { token: u.token, body })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 422)).toHaveLength(55);
    const w = (await api<{ balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token })).body;
    expect(w.balance.USDT).toBe(50000 - 5 * 9009);
    expect(w.balance.BTC).toBe(0.5);
    expect(await negativeBalances()).toEqual([]);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("locks for exactly as many stop orders as the money allows, mixed with market orders", async () => {
    const u = await newUser(api, "race");
    const stop = { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1, stop: 95000 }; // locks 9,509.5
    const mkt = { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 }; // costs 9,009
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 3 ? api : second.api)(i % 4 ? "POST" : "POST", i % 4 ? "/api/order/stoploss" : "/api/order/market", { token: u.token, body: i % 4 ? stop : mkt }),
      ),
    );
    const ok = results.filter((r) => r.status === 200 || r.status === 201);
    expect(results.every((r) => [200, 201, 422].includes(r.status))).toBe(true);
    const w = (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token })).body;
    const stops = ok.filter((r) => r.status === 201).length;
    const buys = ok.filter((r) => r.status === 200).length;
    expect(w.fixed_balance.USDT).toBeCloseTo(stops * 9509.5, 6);
    expect(w.balance.USDT).toBeCloseTo(50000 - stops * 9509.5 - buys * 9009, 6);
    // No more would have fitted: the cheapest order (9,009) must exceed what is left.
    expect(w.balance.USDT).toBeLessThan(9009);
    expect(stops + buys).toBeGreaterThanOrEqual(5);
    expect(await negativeBalances()).toEqual([]);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });
});

describe("races on one order", () => {
  it("cancel against fill: exactly one wins and the lock comes back once", async () => {
    for (let round = 0; round < 8; round++) {
      await freshEverywhere("90000");
      const u = await newUser(api, "cancelfill");
      await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
      const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.1, stop: 89000 } });
      const [c1, c2] = await Promise.all([
        api("DELETE", "/api/order/stoploss", { token: u.token, body: { order_id: o.body.order_id } }),
        second.api("DELETE", "/api/order/stoploss", { token: u.token, body: { order_id: o.body.order_id } }),
        Promise.resolve(server.binance.trade("BTCUSDT", "88000")),
      ]);
      const [row] = await waitFor(async () => {
        const rows = await queryDb<{ status: string }>(server.db.url, `SELECT "status" FROM "Order" WHERE "id" = ?`, [o.body.order_id]);
        return rows[0]?.status !== "OPEN" && rows;
      }, "the order to close");
      const cancels = [c1.status, c2.status].filter((s) => s === 200).length;
      const w = (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token })).body;
      expect(w.fixed_balance.BTC).toBe(0);
      if (row?.status === "CANCELLED") {
        expect(cancels).toBe(1);
        expect(w.balance.BTC).toBe(0.1);
        expect(w.balance.USDT).toBe(50000 - 9009);
      } else {
        expect(row?.status).toBe("FILLED");
        expect(cancels).toBe(0);
        expect(w.balance.BTC).toBe(0);
        expect(w.balance.USDT).toBe(50000 - 9009 + 8800 - 8.8);
      }
    }
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("reset against fill and cancel: the account ends exactly at the start", async () => {
    for (let round = 0; round < 5; round++) {
      await freshEverywhere("90000");
      const u = await newUser(api, "resetfill");
      await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
      const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.1, stop: 89000 } });
      const [reset] = await Promise.all([
        api("PUT", "/api/reset", { token: u.token }),
        second.api("DELETE", "/api/order/stoploss", { token: u.token, body: { order_id: o.body.order_id } }),
        Promise.resolve(server.binance.trade("BTCUSDT", "88000")),
      ]);
      expect(reset.status).toBe(200);
      await freshEverywhere("88001");
      const rows = await queryDb<{ status: string }>(server.db.url, `SELECT "status" FROM "Order" WHERE "id" = ?`, [o.body.order_id]);
      expect(["FILLED", "CANCELLED"]).toContain(rows[0]?.status);
      const w = (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token })).body;
      // Whatever won before the reset, the reset came last for the balances unless the fill came after it,
      // and a fill after the reset is impossible (the order was cancelled by it).
      expect(w.balance).toEqual({ BTC: 0, ETH: 0, LTC: 0, XRP: 0, BNB: 0, USDT: 50000 });
      expect(Object.values(w.fixed_balance).every((v) => v === 0)).toBe(true);
    }
    expect(await negativeBalances()).toEqual([]);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });
});
