// Several workers against one PostgreSQL: only a pair's lease holder fills it, each order fills exactly once,
// and when a worker goes away the other takes its pairs over. (PostgreSQL only: the Vercel + worker setup.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { freePort, spawnServer, startTestServer, stopChild, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { ledgerMismatches, queryDb } from "../support/db-query";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";
import { TEST_DB } from "../support/test-database";

let server: TestServer;
let api: Api;
let worker2: ChildProcess;
let port2 = 0;
const logs2: string[] = [];
let live: ReturnType<typeof keepMarketLive> | undefined;

describe.runIf(TEST_DB === "postgres")("two workers on one PostgreSQL", () => {
  beforeAll(async () => {
    server = await startTestServer();
    api = apiClient(server.url);
    port2 = await freePort();
    worker2 = spawnServer({ ...server.env, PORT: String(port2) }, logs2);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port2}/api/health`).catch(() => null))?.ok, "the second worker", 60_000);
    live = keepMarketLive(server, "BTCUSDT", "90000");
  });
  afterAll(async () => {
    live?.stop();
    if (worker2) await stopChild(worker2);
    await server?.close();
  });

  it("fills every order exactly once although both workers see every trade", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const users = await Promise.all(Array.from({ length: 4 }, () => newUser(api, "twoworkers")));
    const ids: string[] = [];
    for (const u of users) {
      for (let i = 0; i < 5; i++) {
        const r = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01, stop: 91000 + i * 10 } });
        expect(r.status).toBe(201);
        ids.push(r.body.order_id);
      }
    }
    // Let the second worker's database sync arm them too.
    await new Promise((r) => setTimeout(r, 2500));
    server.binance.trade("BTCUSDT", "92000");
    await waitFor(async () => {
      const rows = await queryDb<{ n: unknown }>(server.db.url, `SELECT COUNT(*) AS n FROM "Order" WHERE "status" = 'FILLED' AND "type" <> 'M' AND "id" = ANY(?)`, [ids]);
      return Number(rows[0]?.n) === ids.length;
    }, "all 20 orders to fill", 20_000);
    for (const u of users) {
      const w = await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token });
      expect(w.body.balance.BTC).toBe(0.05);
      expect(w.body.fixed_balance.USDT).toBe(0);
      expect(w.body.balance.USDT).toBe(50000 - 5 * 920.92);
    }
    const fillEntries = await queryDb<{ n: unknown }>(server.db.url, `SELECT COUNT(*) AS n FROM "LedgerEntry" WHERE "kind" = 'UNLOCK' AND "orderId" = ANY(?)`, [ids]);
    expect(Number(fillEntries[0]?.n)).toBe(ids.length);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("hands the lease to the standby worker when the leader stops", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api, "failover");
    const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.01, stop: 80000 } });
    expect(o.status).toBe(422); // no BTC yet
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01 } });
    const sl = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.01, stop: 80000 } });
    await server.stopProcess();
    // The other worker takes the pairs the first handed back, then fills from its own feed connection.
    await waitFor(async () => {
      const h = (await (await fetch(`http://127.0.0.1:${port2}/api/health`)).json()) as { fills: string[] };
      return h.fills.length === 14;
    }, "the other worker to fill every pair", 30_000);
    server.binance.trade("BTCUSDT", "79000");
    await waitFor(async () => {
      const rows = await queryDb<{ status: string }>(server.db.url, `SELECT "status" FROM "Order" WHERE "id" = ?`, [sl.body.order_id]);
      return rows[0]?.status === "FILLED";
    }, "the standby to fill", 20_000);
  });
});
