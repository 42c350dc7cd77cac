// Market and stop orders end to end: HTTP in, a fake Binance driving prices, the real worker filling.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
});
afterAll(async () => server?.close());
beforeEach(async () => {
  await tradeAt(server, api, "BTCUSDT", "90000");
});

type Tx = Record<string, unknown> & { order_id: string; status?: string };
const wallet = async (token: string) => (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number>; portfolio_value: number; profit: number; pnl: number }>("GET", "/api/wallet", { token })).body;
const openOrders = async (token: string) => (await api<{ open: Tx[] }>("GET", "/api/transactions/open", { token })).body.open;
const closedOrders = async (token: string, q = "") => (await api<{ closed: Tx[] }>("GET", `/api/transactions/closed${q}`, { token })).body.closed;

describe("market orders", () => {
  it("buys at the last trade price with the 0.1% fee and sells back", async () => {
    const u = await newUser(api);
    const buy = await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
    expect(buy.status).toBe(200);
    expect(buy.body).toMatchObject({ status: "successful", price: 90000, b_amount: 0.1, q_amount: 9000, fee: 9 });
    expect(typeof buy.body.order_id).toBe("string");
    let w = await wallet(u.token);
    expect(w.balance.USDT).toBe(40991);
    expect(w.balance.BTC).toBe(0.1);
    expect(w.portfolio_value).toBe(49991);
    expect(w.profit).toBe(49991);
    expect(w.pnl).toBe(-9);

    await tradeAt(server, api, "BTCUSDT", "91000.5");
    const sell = await api("POST", "/api/order/market", { token: u.token, body: { base: "btc", quote: "usdt", side: "sell", b_amount: "0.05" } });
    expect(sell.status).toBe(200);
    expect(sell.body).toMatchObject({ price: 91000.5, q_amount: 4550.025, fee: 4.55002500 });
    w = await wallet(u.token);
    expect(w.balance.BTC).toBe(0.05);
    expect(w.balance.USDT).toBe(45536.474975);

    const closed = await closedOrders(u.token);
    expect(closed).toHaveLength(2);
    expect(closed[0]).toMatchObject({ base: "BTC", quote: "USDT", side: "SELL", order_type: "M", b_amount: 0.05, price: 91000.5 });
    expect(closed[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(closed[0]?.time).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("refuses what the money does not allow with 422 and moves nothing", async () => {
    const u = await newUser(api);
    const r = await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 1 } });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "INSUFFICIENT_BALANCE" });
    const s = await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.001 } });
    expect(s.status).toBe(422);
    expect((await wallet(u.token)).balance).toMatchObject({ USDT: 50000, BTC: 0 });
    expect(await closedOrders(u.token)).toEqual([]);
  });

  it("refuses amounts off the pair's lot step and unknown pairs with 400", async () => {
    const u = await newUser(api);
    const off = await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.000001 } });
    expect(off.status).toBe(400);
    expect(off.body).toMatchObject({ code: "VALIDATION_FAILED" });
    const pair = await api("POST", "/api/order/market", { token: u.token, body: { base: "USDT", quote: "BTC", side: "BUY", b_amount: 1 } });
    expect(pair.status).toBe(400);
    expect(pair.body).toMatchObject({ code: "UNKNOWN_PAIR" });
  });

  it("answers 503 when the pair has no fresh price", async () => {
    const u = await newUser(api);
    const r = await api("POST", "/api/order/market", { token: u.token, body: { base: "LTC", quote: "BNB", side: "BUY", b_amount: 1 } });
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: "NO_FRESH_PRICE" });
  });
});

describe("stop orders", () => {
  it("classifies SL and TP against the current price and locks the funds", async () => {
    const u = await newUser(api);
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.2 } });
    const place = (side: string, stop: number, amount = 0.01) =>
      api("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side, b_amount: amount, stop } });
    const buySl = await place("BUY", 95000);
    expect(buySl.status).toBe(201);
    expect(buySl.body).toMatchObject({ status: "successful", order_type: "SL" });
    expect((await place("BUY", 90000)).body.order_type).toBe("SL");
    expect((await place("BUY", 85000)).body.order_type).toBe("TP");
    expect((await place("SELL", 85000)).body.order_type).toBe("SL");
    expect((await place("SELL", 90000)).body.order_type).toBe("SL");
    expect((await place("SELL", 95000)).body.order_type).toBe("TP");
    const w = await wallet(u.token);
    // BUY locks stop x amount + 0.1% fee: 950+0.95, 900+0.9, 850+0.85; SELL locks 3 x 0.01 BTC.
    expect(w.fixed_balance.USDT).toBe(2702.7);
    expect(w.fixed_balance.BTC).toBe(0.03);
    expect(w.balance.BTC).toBe(0.17);
    const open = await openOrders(u.token);
    expect(open).toHaveLength(6);
    expect(open[0]).toMatchObject({ base: "BTC", quote: "USDT", side: "SELL", order_type: "TP", price: 95000, b_amount: 0.01 });
  });

  it("fills at the trade price that crossed the stop, gaps included, and records the trigger", async () => {
    const u = await newUser(api);
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
    const sl = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.1, stop: 89000 } });
    expect(sl.status).toBe(201);
    await tradeAt(server, api, "BTCUSDT", "89500");
    expect(await openOrders(u.token)).toHaveLength(1);
    const tradeId = server.binance.trade("BTCUSDT", "88000");
    const filled = await waitFor(async () => (await closedOrders(u.token)).find((t) => t.order_id === sl.body.order_id), "the stop to fill");
    expect(filled).toMatchObject({ order_type: "SL", side: "SELL", price: 88000, stop: 89000, b_amount: 0.1, q_amount: 8800, fee: 8.8 });
    expect(await openOrders(u.token)).toEqual([]);
    const w = await wallet(u.token);
    expect(w.balance.BTC).toBe(0);
    expect(w.fixed_balance.BTC).toBe(0);
    expect(w.balance.USDT).toBe(50000 - 9009 + 8800 - 8.8);
    const [row] = await queryDb<{ triggerTradeId: string; fillPrice: unknown }>(server.db.url, `SELECT "triggerTradeId", "fillPrice" FROM "Order" WHERE "id" = ?`, [sl.body.order_id]);
    expect(row?.triggerTradeId).toBe(String(tradeId));
    expect(String(row?.fillPrice)).toBe("8800000000000");
    // The worker records the account's value after every fill (the wallet's value-over-time chart).
    const history = await waitFor(async () => {
      const h = await api<{ history: { at: unknown; value: number }[] }>("GET", "/api/portfolio/history", { token: u.token });
      return h.body.history?.length ? h.body.history : undefined;
    }, "a portfolio snapshot after the fill");
    expect(history.at(-1)?.value).toBeCloseTo(50000 - 9009 + 8800 - 8.8, 6);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("fills a take-profit upwards and a buy-the-dip downwards", async () => {
    const u = await newUser(api);
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
    const tp = await api<{ order_id: string; order_type: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.1, stop: 92000 } });
    const dip = await api<{ order_id: string; order_type: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1, stop: 87000 } });
    expect([tp.body.order_type, dip.body.order_type]).toEqual(["TP", "TP"]);
    server.binance.trade("BTCUSDT", "92500");
    await waitFor(async () => (await closedOrders(u.token)).find((t) => t.order_id === tp.body.order_id), "take-profit");
    expect((await openOrders(u.token)).map((t) => t.order_id)).toEqual([dip.body.order_id]);
    server.binance.trade("BTCUSDT", "86999.99");
    const d = await waitFor(async () => (await closedOrders(u.token)).find((t) => t.order_id === dip.body.order_id), "buy the dip");
    expect(d).toMatchObject({ price: 86999.99, side: "BUY" });
    const w = await wallet(u.token);
    expect(w.fixed_balance.USDT).toBe(0);
    expect(w.balance.BTC).toBe(0.1);
  });

  it("rejects a buy that fills above its lock when free funds cannot cover it, returning the lock", async () => {
    const u = await newUser(api);
    const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.5, stop: 91000 } });
    expect((await wallet(u.token)).fixed_balance.USDT).toBe(45545.5);
    server.binance.trade("BTCUSDT", "101000");
    const r = await waitFor(async () => (await closedOrders(u.token, "?status=all")).find((t) => t.order_id === o.body.order_id), "the rejection");
    expect(r.status).toBe("REJECTED");
    expect(await closedOrders(u.token)).toEqual([]);
    const w = await wallet(u.token);
    expect(w.balance.USDT).toBe(50000);
    expect(w.fixed_balance.USDT).toBe(0);
    expect(w.balance.BTC).toBe(0);
  });

  it("modifies amount and stop atomically and cancels with the lock returned once", async () => {
    const u = await newUser(api);
    const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1, stop: 95000 } });
    const mod = await api("PUT", "/api/order/stoploss", { token: u.token, body: { order_id: o.body.order_id, b_amount: 0.2, stop: 80000 } });
    expect(mod.status).toBe(200);
    expect(mod.body).toEqual({ status: "successful", message: "Order updated successfully.", order_type: "TP" });
    let w = await wallet(u.token);
    expect(w.fixed_balance.USDT).toBe(16016);
    expect(w.balance.USDT).toBe(50000 - 16016);
    expect((await openOrders(u.token))[0]).toMatchObject({ b_amount: 0.2, price: 80000, order_type: "TP" });
    const tooMuch = await api("PUT", "/api/order/stoploss", { token: u.token, body: { order_id: o.body.order_id, b_amount: 1 } });
    expect(tooMuch.status).toBe(422);
    expect((await wallet(u.token)).fixed_balance.USDT).toBe(16016);

    const other = await newUser(api);
    expect((await api("DELETE", "/api/order/stoploss", { token: other.token, body: { order_id: o.body.order_id } })).status).toBe(404);
    expect((await api("PUT", "/api/order/stoploss", { token: other.token, body: { order_id: o.body.order_id, stop: 1 } })).status).toBe(404);
    const cancel = await api("DELETE", `/api/order/stoploss?order_id=${o.body.order_id}`, { token: u.token });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toEqual({ status: "successful", message: `Stoploss order with order id ${o.body.order_id} cancelled.` });
    expect((await api("DELETE", "/api/order/stoploss", { token: u.token, body: { order_id: o.body.order_id } })).status).toBe(404);
    w = await wallet(u.token);
    expect(w.balance.USDT).toBe(50000);
    expect(w.fixed_balance.USDT).toBe(0);
    // A cancelled order no longer fires.
    server.binance.trade("BTCUSDT", "79000");
    await tradeAt(server, api, "BTCUSDT", "79001");
    expect((await wallet(u.token)).balance.BTC).toBe(0);
    expect((await closedOrders(u.token, "?status=all"))[0]).toMatchObject({ status: "CANCELLED" });
  });
});

describe("closed lists and reset", () => {
  it("filters closed orders by coin", async () => {
    const u = await newUser(api);
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01 } });
    expect(await closedOrders(u.token)).toHaveLength(1);
    expect((await api<{ closed: Tx[] }>("GET", "/api/transactions/closed/btc", { token: u.token })).body.closed).toHaveLength(1);
    expect((await api<{ closed: Tx[] }>("GET", "/api/transactions/closed/ETH", { token: u.token })).body.closed).toHaveLength(0);
    expect((await api("GET", "/api/transactions/closed/DOGE", { token: u.token })).status).toBe(404);
    expect((await api("GET", "/api/wallet/doge", { token: u.token })).status).toBe(404);
    expect((await api("GET", "/api/wallet/btc", { token: u.token })).body).toEqual({ coin: "BTC", balance: 0.01, fixed_balance: 0 });
  });

  it("resets: open orders cancelled, balances back to 50,000 USDT, lists empty, ledger explains it", async () => {
    const u = await newUser(api);
    await api("POST", "/api/watchlist/BTCUSDT", { token: u.token });
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
    const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.05, stop: 80000 } });
    const r = await api("PUT", "/api/reset", { token: u.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ msg: "Account reset successful" });
    const w = await wallet(u.token);
    expect(w.balance).toEqual({ BTC: 0, ETH: 0, LTC: 0, XRP: 0, BNB: 0, USDT: 50000 });
    expect(Object.values(w.fixed_balance).every((v) => v === 0)).toBe(true);
    expect(await openOrders(u.token)).toEqual([]);
    expect(await closedOrders(u.token, "?status=all")).toEqual([]);
    expect((await api("GET", "/api/watchlist", { token: u.token })).body).toEqual({ watchlist: ["BTCUSDT"] });
    // The reset order never fires afterwards.
    await tradeAt(server, api, "BTCUSDT", "70000");
    expect((await wallet(u.token)).balance.USDT).toBe(50000);
    const [status] = await queryDb<{ status: string }>(server.db.url, `SELECT "status" FROM "Order" WHERE "id" = ?`, [o.body.order_id]);
    expect(status?.status).toBe("CANCELLED");
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });
});
