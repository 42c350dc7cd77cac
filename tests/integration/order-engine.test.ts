// Every order type through the native API (/api/orders), a fake Binance driving prices, the real worker
// firing and filling; money checked against the ledger after each case.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { ledgerMismatches } from "../support/db-query";
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

type Order = Record<string, unknown> & { order_id: string; status: string; lock: { coin: string; amount: number } };
const wallet = async (token: string) =>
  (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token })).body;
const place = (token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  api<Order>("POST", "/api/orders", { token, body: { symbol: "BTCUSDT", ...body }, headers });
const get = async (token: string, id: string) => (await api<Order>("GET", `/api/orders/${id}`, { token })).body;
const statusOf = (token: string, id: string, status: string) =>
  waitFor(async () => (await get(token, id)).status === status, `order ${id} ${status}`);

describe("native order API", () => {
  it("MARKET by quote amount spends about that much, floored to the lot step", async () => {
    const u = await newUser(api);
    const r = await place(u.token, { side: "BUY", type: "MARKET", quote_amount: 1000 });
    expect(r.status).toBe(201);
    // 1000 / 90000 = 0.0111111 -> 0.01111 BTC (step 0.00001): 999.9 + fee 0.9999
    expect(r.body).toMatchObject({ status: "FILLED", type: "MARKET", order_type: "M", amount: 0.01111, quote_amount: 1000, fill_price: 90000, fee: 0.9999, maker: false });
    expect(typeof r.body.order_no).toBe("number");
    expect((await wallet(u.token)).balance).toMatchObject({ USDT: 48999.1001, BTC: 0.01111 });
  });

  it("a marketable LIMIT fills at once at the last price (taker); a resting one fills at its own price (maker)", async () => {
    const u = await newUser(api);
    const now = await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.1, price: 95000 });
    expect(now.body).toMatchObject({ status: "FILLED", fill_price: 90000, maker: false, time_in_force: "GTC" });
    const rest = await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.1, price: 89000, client_order_id: "dip-1" });
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ status: "NEW", client_order_id: "dip-1", price: 89000, lock: { coin: "USDT", amount: 8908.9 } });
    expect((await wallet(u.token)).fixed_balance.USDT).toBe(8908.9);
    // the price gaps through the limit: the limit still fills at 89000
    await tradeAt(server, api, "BTCUSDT", "88500");
    await statusOf(u.token, rest.body.order_id, "FILLED");
    expect(await get(u.token, rest.body.order_id)).toMatchObject({ fill_price: 89000, fee: 8.9, maker: true, lock: { amount: 0 } });
    const w = await wallet(u.token);
    expect(w.fixed_balance.USDT).toBe(0);
    expect(w.balance.BTC).toBe(0.2);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("IOC/FOK that cannot fill at once end EXPIRED with nothing locked; LIMIT_MAKER that would take is refused", async () => {
    const u = await newUser(api);
    const ioc = await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.1, price: 80000, time_in_force: "IOC" });
    expect(ioc.status).toBe(201);
    expect(ioc.body).toMatchObject({ status: "EXPIRED", time_in_force: "IOC" });
    const maker = await place(u.token, { side: "BUY", type: "LIMIT_MAKER", amount: 0.1, price: 91000 });
    expect(maker.status).toBe(422);
    expect(maker.body).toMatchObject({ code: "WOULD_TAKE" });
    expect((await wallet(u.token)).fixed_balance.USDT).toBe(0);
  });

  it("refuses stops that would trigger at once, fields a type does not take, and duplicate open client ids", async () => {
    const u = await newUser(api);
    const sl = await place(u.token, { side: "SELL", type: "STOP_LOSS", amount: 0.1, stop_price: 95000 });
    expect(sl.status).toBe(422);
    expect(sl.body).toMatchObject({ code: "WOULD_TRIGGER_IMMEDIATELY" });
    const extra = await place(u.token, { side: "BUY", type: "MARKET", amount: 0.1, price: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ code: "VALIDATION_FAILED", details: { price: "is not taken by MARKET orders" } });
    const a = await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.01, price: 80000, client_order_id: "same" });
    expect(a.status).toBe(201);
    const b = await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.01, price: 80000, client_order_id: "same" });
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ code: "DUPLICATE_CLIENT_ORDER_ID" });
    expect((await wallet(u.token)).fixed_balance.USDT).toBe(800.8);
  });

  it("STOP_LOSS_LIMIT: its stop fires, then it rests as a limit and fills at its price; marketable at the firing trade it fills there", async () => {
    const u = await newUser(api);
    await place(u.token, { side: "BUY", type: "MARKET", amount: 0.1 });
    const r = await place(u.token, { side: "SELL", type: "STOP_LOSS_LIMIT", amount: 0.1, stop_price: 88000, price: 88500 });
    expect(r.body).toMatchObject({ status: "NEW", lock: { coin: "BTC", amount: 0.1 }, trigger_price: 88000 });
    await tradeAt(server, api, "BTCUSDT", "87900"); // fires the stop; a SELL at 88500 is not marketable at 87900: it rests
    await waitFor(async () => (await get(u.token, r.body.order_id)).trigger_price === null, "stop fired");
    expect((await get(u.token, r.body.order_id)).status).toBe("NEW");
    await tradeAt(server, api, "BTCUSDT", "88400");
    expect((await get(u.token, r.body.order_id)).status).toBe("NEW");
    await tradeAt(server, api, "BTCUSDT", "88600");
    await statusOf(u.token, r.body.order_id, "FILLED");
    expect(await get(u.token, r.body.order_id)).toMatchObject({ fill_price: 88500, maker: true });
    const m = await place(u.token, { side: "BUY", type: "STOP_LOSS_LIMIT", amount: 0.01, stop_price: 89000, price: 90000 });
    await tradeAt(server, api, "BTCUSDT", "89200");
    await statusOf(u.token, m.body.order_id, "FILLED");
    expect(await get(u.token, m.body.order_id)).toMatchObject({ fill_price: 89200, maker: false });
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("a trailing SELL stop follows the high and fires delta below it, at the firing trade's price", async () => {
    const u = await newUser(api);
    await place(u.token, { side: "BUY", type: "MARKET", amount: 0.1 });
    const r = await place(u.token, { side: "SELL", type: "STOP_LOSS", amount: 0.1, trailing_delta: 100 });
    expect(r.body).toMatchObject({ status: "NEW", trailing_delta: 100, trigger_price: 89100 });
    await tradeAt(server, api, "BTCUSDT", "95000");
    await waitFor(async () => (await get(u.token, r.body.order_id)).trigger_price === 94050, "trigger follows the high");
    await tradeAt(server, api, "BTCUSDT", "94100");
    expect((await get(u.token, r.body.order_id)).status).toBe("NEW");
    await tradeAt(server, api, "BTCUSDT", "94000");
    await statusOf(u.token, r.body.order_id, "FILLED");
    expect(await get(u.token, r.body.order_id)).toMatchObject({ fill_price: 94000, maker: false });
  });

  it("OCO: the limit leg fills and the stop leg is EXPIRED with the one lock released once", async () => {
    const u = await newUser(api);
    await place(u.token, { side: "BUY", type: "MARKET", amount: 0.1 });
    const r = await api<{ oco_id: string; orders: Order[] }>("POST", "/api/orders/oco", {
      token: u.token, body: { symbol: "BTCUSDT", side: "SELL", amount: 0.1, price: 92000, stop_price: 88000 },
    });
    expect(r.status).toBe(201);
    expect(r.body.orders.map((o) => o.type)).toEqual(["LIMIT_MAKER", "STOP_LOSS"]);
    expect((await wallet(u.token)).fixed_balance.BTC).toBe(0.1);
    const bad = await api("POST", "/api/orders/oco", { token: u.token, body: { symbol: "BTCUSDT", side: "SELL", amount: 0.1, price: 88000, stop_price: 92000 } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: "PRICE_RELATIONSHIP" });
    await tradeAt(server, api, "BTCUSDT", "92500");
    const [limit, stop] = r.body.orders;
    await statusOf(u.token, limit!.order_id, "FILLED");
    expect((await get(u.token, stop!.order_id)).status).toBe("EXPIRED");
    const w = await wallet(u.token);
    expect(w.fixed_balance.BTC).toBe(0);
    expect(w.balance.BTC).toBe(0);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("cancelling one OCO leg cancels both; lists page by cursor", async () => {
    const u = await newUser(api);
    const r = await api<{ oco_id: string; orders: Order[] }>("POST", "/api/orders/oco", {
      token: u.token, body: { symbol: "BTCUSDT", side: "BUY", amount: 0.1, price: 85000, stop_price: 95000 },
    });
    expect(r.status).toBe(201);
    expect((await wallet(u.token)).fixed_balance.USDT).toBeCloseTo(9509.5, 8); // the dearer leg: 95000 x 0.1 + fee
    const del = await api<Order>("DELETE", `/api/orders/${r.body.orders[1]!.order_id}`, { token: u.token });
    expect(del.status).toBe(200);
    expect(del.body.status).toBe("CANCELED");
    expect((await get(u.token, r.body.orders[0]!.order_id)).status).toBe("CANCELED");
    expect((await wallet(u.token)).fixed_balance.USDT).toBe(0);
    const again = await api("DELETE", `/api/orders/${r.body.orders[0]!.order_id}`, { token: u.token });
    expect(again.status).toBe(404);
    const page = await api<{ orders: Order[]; next_cursor: string | null }>("GET", "/api/orders?status=all&limit=1", { token: u.token });
    expect(page.body.orders).toHaveLength(1);
    const next = await api<{ orders: Order[]; next_cursor: string | null }>("GET", `/api/orders?status=all&limit=1&cursor=${page.body.next_cursor}`, { token: u.token });
    expect(next.body.orders[0]?.order_id).not.toBe(page.body.orders[0]?.order_id);
  });

  it("an Idempotency-Key replays the first answer and places nothing new", async () => {
    const u = await newUser(api);
    const h = { "idempotency-key": "retry-123" };
    const a = await place(u.token, { side: "BUY", type: "MARKET", amount: 0.01 }, h);
    const b = await place(u.token, { side: "BUY", type: "MARKET", amount: 0.01 }, h);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect((await wallet(u.token)).balance.BTC).toBe(0.01);
  });

  it("an Idempotency-Key sent again with another request is refused, not answered with the first order", async () => {
    const u = await newUser(api);
    const practice = (await api<{ id: string }>("POST", "/api/portfolios", { token: u.token, body: { name: "Practice" } })).body.id;
    const h = { "idempotency-key": "bot-order-1" };
    expect((await place(u.token, { side: "BUY", type: "MARKET", amount: 0.01 }, h)).status).toBe(201);
    // other parameters, another portfolio, another call: each a 422 with its code, and nothing placed
    const other = await place(u.token, { side: "BUY", type: "MARKET", amount: 0.02 }, h);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    const elsewhere = await place(u.token, { side: "BUY", type: "MARKET", amount: 0.01 }, { ...h, "x-portfolio": practice });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    const oco = await api("POST", "/api/orders/oco", { token: u.token, headers: h, body: { symbol: "BTCUSDT", side: "SELL", amount: 0.01, price: 95000, stop_price: 85000 } });
    expect(oco.status).toBe(422);
    expect((await wallet(u.token)).balance.BTC).toBe(0.01);
    const inPractice = await api<{ balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token, headers: { "x-portfolio": practice } });
    expect(inPractice.body.balance.BTC ?? 0).toBe(0);
    // a new key is a new order
    expect((await place(u.token, { side: "BUY", type: "MARKET", amount: 0.02 }, { "idempotency-key": "bot-order-2" })).status).toBe(201);
    expect((await wallet(u.token)).balance.BTC).toBeCloseTo(0.03, 8);
  });

  it("the original's lists show the new orders and reset cancels them all", async () => {
    const u = await newUser(api);
    await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.01, price: 80000 });
    const open = await api<{ open: Record<string, unknown>[] }>("GET", "/api/transactions/open", { token: u.token });
    expect(open.body.open[0]).toMatchObject({ order_type: "L", price: 80000, status: "OPEN" });
    expect((await api("PUT", "/api/reset", { token: u.token })).status).toBe(200);
    expect((await api<{ orders: Order[] }>("GET", "/api/orders", { token: u.token })).body.orders).toEqual([]);
    expect((await wallet(u.token)).fixed_balance.USDT).toBe(0);
  });
});
