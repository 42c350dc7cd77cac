// Races of the order engine on one account: OCO legs against cancels and each other, parallel marketable
// limits against the money, and reset against fills and cancels (row locks in one global order: order
// rows, then balances, so PostgreSQL never deadlocks).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { ledgerMismatches, queryDb } from "../support/db-query";
import { tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
});
afterAll(async () => server?.close());

type Order = { order_id: string; status: string };
const wallet = async (token: string) =>
  (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token })).body;
const statuses = async (ids: string[]) =>
  (await queryDb<{ id: string; status: string }>(server.db.url, `SELECT "id", "status" FROM "Order" WHERE "id" IN (?, ?) ORDER BY "id"`, ids)).map((r) => r.status);
const negativeBalances = () => queryDb(server.db.url, `SELECT * FROM "Balance" WHERE "free" < 0 OR "locked" < 0`);

async function sellOco(token: string) {
  await api("POST", "/api/orders", { token, body: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", amount: 0.1 } });
  const r = await api<{ orders: Order[] }>("POST", "/api/orders/oco", { token, body: { symbol: "BTCUSDT", side: "SELL", amount: 0.1, price: 92000, stop_price: 88000 } });
  expect(r.status).toBe(201);
  return r.body.orders.map((o) => o.order_id);
}

describe("order races", () => {
  it("OCO: cancels of both legs against a fill: each leg ends once, the lock is released once", async () => {
    for (let round = 0; round < 6; round++) {
      await tradeAt(server, api, "BTCUSDT", "90000");
      const u = await newUser(api, "ocorace");
      const ids = await sellOco(u.token);
      const [c1, c2] = await Promise.all([
        api("DELETE", `/api/orders/${ids[0]}`, { token: u.token }),
        api("DELETE", `/api/orders/${ids[1]}`, { token: u.token }),
        Promise.resolve(server.binance.trade("BTCUSDT", "92500")),
      ]);
      const end = await waitFor(async () => {
        const s = await statuses(ids);
        return s.every((x) => x !== "OPEN") && s;
      }, "both legs closed");
      const cancels = [c1.status, c2.status].filter((s) => s === 200).length;
      const w = await wallet(u.token);
      expect(w.fixed_balance.BTC).toBe(0);
      if (end.includes("FILLED")) {
        expect([...end].sort()).toEqual(["EXPIRED", "FILLED"]);
        expect(cancels).toBe(0);
        expect(w.balance.BTC).toBe(0);
      } else {
        expect(end).toEqual(["CANCELLED", "CANCELLED"]);
        expect(cancels).toBe(1);
        expect(w.balance.BTC).toBe(0.1);
      }
    }
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("OCO: two trades crossing both legs back to back fill exactly one leg", async () => {
    for (let round = 0; round < 4; round++) {
      await tradeAt(server, api, "BTCUSDT", "90000");
      const u = await newUser(api, "ocoboth");
      const ids = await sellOco(u.token);
      server.binance.trade("BTCUSDT", "92500");
      server.binance.trade("BTCUSDT", "87000");
      const end = await waitFor(async () => {
        const s = await statuses(ids);
        return s.every((x) => x !== "OPEN") && s;
      }, "both legs closed");
      expect([...end].sort()).toEqual(["EXPIRED", "FILLED"]);
      const w = await wallet(u.token);
      expect(w.balance.BTC).toBe(0);
      expect(w.fixed_balance.BTC).toBe(0);
    }
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("40 parallel marketable limit orders needing twice the money: fills = what the money allows", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api, "limits");
    // each fills at 90000: 0.02778 x 90000 = 2500.2 + fee 2.5002 = 2502.7002; 19 fit in 50,000, 20 do not
    const body = { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.02778, price: 95000 };
    const results = await Promise.all(Array.from({ length: 40 }, () => api<Order>("POST", "/api/orders", { token: u.token, body })));
    expect(results.filter((r) => r.status === 201 && r.body.status === "FILLED")).toHaveLength(19);
    expect(results.filter((r) => r.status === 422)).toHaveLength(21);
    expect(await negativeBalances()).toEqual([]);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("reset racing fills and cancels never fails (no deadlock), many times over", async () => {
    const u = await newUser(api, "resetrace");
    const failures: string[] = [];
    for (let round = 0; round < 120; round++) {
      await tradeAt(server, api, "BTCUSDT", "90000");
      const buy = await api<Order>("POST", "/api/orders", { token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.01, price: 89000 } });
      const stop = await api<Order>("POST", "/api/orders", { token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "TAKE_PROFIT", amount: 0.01, stop_price: 88500 } });
      const [reset, cancel] = await Promise.all([
        api("PUT", "/api/reset", { token: u.token }),
        api("DELETE", `/api/orders/${stop.body.order_id}`, { token: u.token }),
        Promise.resolve(server.binance.trade("BTCUSDT", "88000")),
      ]);
      if (reset.status !== 200) failures.push(`round ${round}: reset ${reset.status} ${reset.text}`);
      if (![200, 404].includes(cancel.status)) failures.push(`round ${round}: cancel ${cancel.status} ${cancel.text}`);
      expect(buy.status).toBe(201);
    }
    expect(failures).toEqual([]);
    await tradeAt(server, api, "BTCUSDT", "88001");
    await waitFor(async () => (await queryDb(server.db.url, `SELECT 1 FROM "Order" WHERE "portfolioId" = (SELECT "id" FROM "User" WHERE "email" = ?) AND "status" = 'OPEN'`, [u.email])).length === 0, "no open order");
    expect(await negativeBalances()).toEqual([]);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  }, 240_000);
});
