// API keys (native /api/keys) and the signed READ endpoints of the Binance-compatible API, through real
// HTTP against the real server with signed requests (tests/support/binance-client.ts).
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { binanceClient, type BinanceCall } from "../support/binance-client";
import { lastMailTo, queryDb } from "../support/db-query";
import { tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;
let bn: BinanceCall;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  bn = binanceClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
});
afterAll(async () => server?.close());

interface Key {
  id: string;
  label: string;
  apiKey: string;
  secretKey: string;
  type: string;
  permissions: string[];
  portfolio_id: string;
  created_at: string;
}
type Row = Record<string, unknown>;

const newKey = async (token: string, body: Record<string, unknown> = {}) => {
  const r = await api<Key>("POST", "/api/keys", { token, body });
  expect(r.status).toBe(201);
  return r.body;
};
const listKeys = async (token: string) => (await api<{ keys: Row[] }>("GET", "/api/keys", { token })).body.keys;
const account = (key: Key) => bn<{ code?: number; balances: Row[]; canTrade: boolean }>("GET", "/api/v3/account", key);
const place = (token: string, body: Record<string, unknown>) => api<Row & { order_id: string; order_no: number }>("POST", "/api/orders", { token, body: { symbol: "BTCUSDT", ...body } });

describe("API keys (native API)", () => {
  it("creates a key with a secret shown once, lists it without the secret, and refuses the signed-out", async () => {
    const u = await newUser(api);
    expect((await api("POST", "/api/keys", { body: {} })).status).toBe(401);
    const k = await newKey(u.token, { label: "my bot" });
    expect(k).toMatchObject({ label: "my bot", type: "HMAC_SHA256", permissions: ["READ", "TRADE"] });
    expect(k.apiKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(k.secretKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(Date.parse(k.created_at)).toBeGreaterThan(0);
    expect(typeof k.portfolio_id).toBe("string"); // the main portfolio by default
    const list = await listKeys(u.token);
    expect(list).toEqual([{ id: k.id, label: "my bot", apiKey: k.apiKey, type: "HMAC_SHA256", permissions: ["READ", "TRADE"], portfolio_id: k.portfolio_id, created_at: k.created_at, last_used_at: null }]);
    expect(JSON.stringify(list)).not.toContain(k.secretKey);
    const stored = await queryDb<{ secretEnc: string }>(server.db.url, `SELECT "secretEnc" FROM "ApiKey" WHERE "id" = ?`, [k.id]);
    expect(stored[0]?.secretEnc).toBeTruthy();
    expect(stored[0]?.secretEnc).not.toContain(k.secretKey);
    // used once: last_used_at is set
    expect((await account(k)).status).toBe(200);
    await waitFor(async () => (await listKeys(u.token))[0]?.last_used_at !== null, "last_used_at");
  });

  it("validates the body, caps active keys at 10 (422 TOO_MANY_KEYS) and answers other methods with the JSON 405", async () => {
    const u = await newUser(api);
    const bad = await api("POST", "/api/keys", { token: u.token, body: { permissions: ["WITHDRAW"] } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await api("POST", "/api/keys", { token: u.token, body: { label: "x".repeat(65) } })).status).toBe(400);
    expect((await api("POST", "/api/keys", { token: u.token, body: { type: "ED25519" } })).status).toBe(400);
    expect((await api("POST", "/api/keys", { token: u.token, body: { type: "ED25519", publicKey: "not a key" } })).status).toBe(400);
    const made = await Promise.all(Array.from({ length: 12 }, () => api("POST", "/api/keys", { token: u.token, body: {} })));
    expect(made.filter((r) => r.status === 201)).toHaveLength(10);
    expect(made.filter((r) => r.status === 422).map((r) => r.body)).toEqual([expect.objectContaining({ code: "TOO_MANY_KEYS" }), expect.objectContaining({ code: "TOO_MANY_KEYS" })]);
    const keys = await listKeys(u.token);
    expect(keys).toHaveLength(10);
    expect((await api("DELETE", `/api/keys/${keys[0]?.id as string}`, { token: u.token })).status).toBe(200);
    expect((await api("POST", "/api/keys", { token: u.token, body: {} })).status).toBe(201);
    const put = await api("PUT", "/api/keys", { token: u.token, body: {} });
    expect(put.status).toBe(405);
    expect(put.body).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    expect((await api("GET", "/api/keys/whatever", { token: u.token })).status).toBe(405);
  });

  it("revoking stops the key at once (-2015); unknown, someone else's or revoked keys are 404", async () => {
    const u = await newUser(api);
    const other = await newUser(api);
    const k = await newKey(u.token);
    expect((await account(k)).status).toBe(200);
    expect((await api("DELETE", `/api/keys/${k.id}`, { token: other.token })).status).toBe(404);
    const del = await api("DELETE", `/api/keys/${k.id}`, { token: u.token });
    expect(del).toMatchObject({ status: 200, body: { message: "API key revoked" } });
    const after = await account(k);
    expect(after).toMatchObject({ status: 401, body: { code: -2015 } });
    expect((await api("DELETE", `/api/keys/${k.id}`, { token: u.token })).status).toBe(404);
    expect((await api("DELETE", "/api/keys/nope", { token: u.token })).status).toBe(404);
    expect(await listKeys(u.token)).toEqual([]);
  });

  it("password change and account reset keep the keys; a password reset by mail link revokes them all", async () => {
    const u = await newUser(api);
    const a = await newKey(u.token);
    const b = await newKey(u.token, { permissions: ["READ"] });
    expect((await api("POST", "/api/password/change", { token: u.token, body: { password: u.password, new_password: "changed pass 123" } })).status).toBe(200);
    expect((await api("PUT", "/api/reset", { token: u.token })).status).toBe(200);
    expect((await account(a)).status).toBe(200);
    expect(await listKeys(u.token)).toHaveLength(2);
    await api("PUT", "/api/password/get_new", { body: { email: u.email } });
    const token = /reset-password\?token=([\w-]+)/.exec((await lastMailTo(server.db.url, u.email))?.text ?? "")?.[1];
    expect((await api("POST", "/api/password/reset", { body: { token, new_password: "after reset 123" } })).status).toBe(200);
    expect((await account(a)).body).toMatchObject({ code: -2015 });
    expect((await account(b)).body).toMatchObject({ code: -2015 });
    const login = await api<{ access_token: string }>("POST", "/api/login", { body: { email: u.email, password: "after reset 123" } });
    expect(await listKeys(login.body.access_token)).toEqual([]);
  });

  it("an Ed25519 key keeps no secret and signs with the client's private key", async () => {
    const u = await newUser(api);
    const pair = generateKeyPairSync("ed25519");
    const r = await api<Key>("POST", "/api/keys", { token: u.token, body: { type: "ED25519", publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString() } });
    expect(r.status).toBe(201);
    expect(r.body.secretKey).toBeUndefined();
    const ok = await bn("GET", "/api/v3/account", { apiKey: r.body.apiKey, privateKey: pair.privateKey });
    expect(ok.status).toBe(200);
    const other = generateKeyPairSync("ed25519");
    expect((await bn("GET", "/api/v3/account", { apiKey: r.body.apiKey, privateKey: other.privateKey })).body).toMatchObject({ code: -1022 });
  });
});

describe("signed requests", () => {
  it("checks the key header, the key, timestamp and signature, recvWindow, timing and permission in Binance's order", async () => {
    const u = await newUser(api);
    const k = await newKey(u.token, { permissions: ["READ"] });
    const expectCode = async (r: Promise<{ status: number; body: unknown }>, status: number, code: number) => expect(await r).toMatchObject({ status, body: { code } });
    await expectCode(bn("GET", "/api/v3/account", null), 401, -2014);
    await expectCode(bn("GET", "/api/v3/account", { ...k, apiKey: "x".repeat(63) }), 401, -2014);
    await expectCode(bn("GET", "/api/v3/account", { ...k, apiKey: "Z".repeat(64) }), 401, -2015);
    await expectCode(bn("GET", "/api/v3/account", k, { noTimestamp: true }), 400, -1102);
    await expectCode(bn("GET", "/api/v3/account", k, { signature: null }), 400, -1102);
    await expectCode(bn("GET", "/api/v3/account", k, { params: { recvWindow: 60001 } }), 400, -1130);
    await expectCode(bn("GET", "/api/v3/account", k, { params: { timestamp: Date.now() - 6000 } }), 400, -1021);
    await expectCode(bn("GET", "/api/v3/account", k, { params: { timestamp: Date.now() + 5000 } }), 400, -1021);
    expect((await bn("GET", "/api/v3/account", k, { params: { timestamp: Date.now() - 6000, recvWindow: 10000 } })).status).toBe(200);
    expect((await bn("GET", "/api/v3/account", k, { params: { timestamp: (Date.now() - 10) * 1000 } })).status).toBe(200);
    await expectCode(bn("GET", "/api/v3/account", k, { signature: "0".repeat(64) }), 400, -1022);
    await expectCode(bn("GET", "/api/v3/account", { ...k, secretKey: "wrong" }), 400, -1022);
    // a READ key may not trade
    await expectCode(bn("DELETE", "/api/v3/openOrders", k, { params: { symbol: "BTCUSDT" } }), 401, -2015);
  });
});

describe("signed READ endpoints", () => {
  it("GET account: all six coins (or the non-zero ones), fee rates, canTrade by the key's permission", async () => {
    const u = await newUser(api);
    const trade = await newKey(u.token);
    const read = await newKey(u.token, { permissions: ["READ"] });
    const a = await bn<Row & { balances: Row[] }>("GET", "/api/v3/account", trade);
    expect(a.status).toBe(200);
    expect(a.headers.get("x-mbx-used-weight-1m")).toBeTruthy();
    expect(a.body).toMatchObject({
      makerCommission: 10, takerCommission: 10, buyerCommission: 0, sellerCommission: 0,
      commissionRates: { maker: "0.00100000", taker: "0.00100000", buyer: "0.00000000", seller: "0.00000000" },
      canTrade: true, accountType: "SPOT", permissions: ["SPOT"],
    });
    expect(a.body.balances).toHaveLength(6);
    expect(a.body.balances).toContainEqual({ asset: "USDT", free: "50000.00000000", locked: "0.00000000" });
    expect(a.body.balances).toContainEqual({ asset: "BTC", free: "0.00000000", locked: "0.00000000" });
    expect(typeof a.body.updateTime).toBe("number");
    const omit = await bn<{ balances: Row[] }>("GET", "/api/v3/account", trade, { params: { omitZeroBalances: true } });
    expect(omit.body.balances).toEqual([{ asset: "USDT", free: "50000.00000000", locked: "0.00000000" }]);
    expect((await bn("GET", "/api/v3/account", read)).body).toMatchObject({ canTrade: false });
    expect((await bn("GET", "/api/v3/account", trade, { params: { omitZeroBalances: "yes" } })).body).toMatchObject({ code: -1100 });
  });

  it("GET account/commission and the §9 signed stubs", async () => {
    const u = await newUser(api);
    const k = await newKey(u.token);
    const c = await bn("GET", "/api/v3/account/commission", k, { params: { symbol: "ETHBTC" } });
    expect(c.body).toMatchObject({ symbol: "ETHBTC", standardCommission: { maker: "0.00100000", taker: "0.00100000" }, taxCommission: { maker: "0.00000000" } });
    expect((await bn("GET", "/api/v3/account/commission", k)).body).toMatchObject({ code: -1102 });
    expect((await bn("GET", "/api/v3/account/commission", k, { params: { symbol: "DOGEUSDT" } })).body).toMatchObject({ code: -1121 });
    const coins = await bn<Row[]>("GET", "/sapi/v1/capital/config/getall", k);
    expect(coins.status).toBe(200);
    expect(coins.body.map((x) => x.coin)).toEqual(["BTC", "ETH", "LTC", "XRP", "BNB", "USDT"]);
    expect(coins.body).toContainEqual(expect.objectContaining({ coin: "USDT", free: "50000.00000000", locked: "0.00000000", trading: true, networkList: [] }));
    expect((await bn("GET", "/sapi/v1/margin/allPairs", k)).body).toEqual([]);
    expect((await bn("GET", "/sapi/v1/margin/isolated/allPairs", k)).body).toEqual([]);
    expect((await bn("GET", "/sapi/v1/asset/tradeFee", k, { params: { symbol: "BTCUSDT" } })).body).toEqual([
      { symbol: "BTCUSDT", makerCommission: "0.00100000", takerCommission: "0.00100000" },
    ]);
    expect((await bn<Row[]>("GET", "/sapi/v1/asset/tradeFee", k)).body).toHaveLength(14);
    expect((await bn("GET", "/sapi/v1/capital/config/getall", null)).status).toBe(401);
  });

  it("GET order by orderId or origClientOrderId, openOrders, allOrders; -2013 for an unknown or someone else's order", async () => {
    const u = await newUser(api);
    const other = await newUser(api);
    const k = await newKey(u.token);
    const ko = await newKey(other.token);
    const filled = await place(u.token, { side: "BUY", type: "MARKET", amount: 0.01 });
    const resting = await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.01, price: 80000, client_order_id: "dip-1" });
    expect(resting.status).toBe(201);
    const byId = await bn<Row>("GET", "/api/v3/order", k, { params: { symbol: "BTCUSDT", orderId: filled.body.order_no } });
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ symbol: "BTCUSDT", orderId: filled.body.order_no, orderListId: -1, status: "FILLED", type: "MARKET", side: "BUY", origQty: "0.01000000", executedQty: "0.01000000", cummulativeQuoteQty: "900.00000000" });
    const byCid = await bn<Row>("GET", "/api/v3/order", k, { params: { symbol: "BTCUSDT", origClientOrderId: "dip-1" } });
    expect(byCid.body).toMatchObject({ orderId: resting.body.order_no, clientOrderId: "dip-1", status: "NEW", type: "LIMIT", price: "80000.00000000", timeInForce: "GTC" });
    expect((await bn("GET", "/api/v3/order", ko, { params: { symbol: "BTCUSDT", orderId: filled.body.order_no } })).body).toMatchObject({ code: -2013, msg: "Order does not exist." });
    expect((await bn("GET", "/api/v3/order", k, { params: { symbol: "ETHUSDT", orderId: filled.body.order_no } })).body).toMatchObject({ code: -2013 });
    expect((await bn("GET", "/api/v3/order", k, { params: { symbol: "BTCUSDT" } })).body).toMatchObject({ code: -1102 });

    const open = await bn<Row[]>("GET", "/api/v3/openOrders", k, { params: { symbol: "BTCUSDT" } });
    expect(open.body.map((o) => o.orderId)).toEqual([resting.body.order_no]);
    expect((await bn<Row[]>("GET", "/api/v3/openOrders", k)).body).toHaveLength(1);
    expect((await bn<Row[]>("GET", "/api/v3/openOrders", k, { params: { symbol: "ETHUSDT" } })).body).toEqual([]);
    expect((await bn<Row[]>("GET", "/api/v3/openOrders", ko)).body).toEqual([]);

    const all = await bn<Row[]>("GET", "/api/v3/allOrders", k, { params: { symbol: "BTCUSDT" } });
    expect(all.body.map((o) => o.orderId)).toEqual([filled.body.order_no, resting.body.order_no]);
    expect((await bn<Row[]>("GET", "/api/v3/allOrders", k, { params: { symbol: "BTCUSDT", limit: 1 } })).body.map((o) => o.orderId)).toEqual([resting.body.order_no]);
    expect((await bn<Row[]>("GET", "/api/v3/allOrders", k, { params: { symbol: "BTCUSDT", orderId: resting.body.order_no } })).body).toHaveLength(1);
    expect((await bn<Row[]>("GET", "/api/v3/allOrders", k, { params: { symbol: "BTCUSDT", startTime: Date.now() + 60_000 } })).body).toEqual([]);
    expect((await bn("GET", "/api/v3/allOrders", k, { params: { symbol: "BTCUSDT", limit: 1001 } })).status).toBe(400);
    expect((await bn("GET", "/api/v3/allOrders", k, { params: { symbol: "BTCUSDT", startTime: 0, endTime: 86_400_001 } })).body).toMatchObject({ code: -1127 });
  });

  it("GET myTrades: the fills with commission in the quote coin, filtered by order, fromId and time (≤ 24 h)", async () => {
    const u = await newUser(api);
    const k = await newKey(u.token);
    const buy = await place(u.token, { side: "BUY", type: "MARKET", amount: 0.02 });
    const sell = await place(u.token, { side: "SELL", type: "MARKET", amount: 0.01 });
    await place(u.token, { side: "BUY", type: "LIMIT", amount: 0.01, price: 70000 });
    const t = await bn<Row[]>("GET", "/api/v3/myTrades", k, { params: { symbol: "BTCUSDT" } });
    expect(t.status).toBe(200);
    expect(t.body).toEqual([
      { symbol: "BTCUSDT", id: buy.body.order_no, orderId: buy.body.order_no, orderListId: -1, price: "90000.00000000", qty: "0.02000000", quoteQty: "1800.00000000", commission: "1.80000000", commissionAsset: "USDT", time: expect.any(Number) as number, isBuyer: true, isMaker: false, isBestMatch: true },
      expect.objectContaining({ id: sell.body.order_no, isBuyer: false, qty: "0.01000000", commission: "0.90000000" }),
    ]);
    expect((await bn<Row[]>("GET", "/api/v3/myTrades", k, { params: { symbol: "BTCUSDT", orderId: sell.body.order_no } })).body.map((x) => x.id)).toEqual([sell.body.order_no]);
    expect((await bn<Row[]>("GET", "/api/v3/myTrades", k, { params: { symbol: "BTCUSDT", fromId: sell.body.order_no } })).body).toHaveLength(1);
    expect((await bn<Row[]>("GET", "/api/v3/myTrades", k, { params: { symbol: "BTCUSDT", limit: 1 } })).body.map((x) => x.id)).toEqual([sell.body.order_no]);
    const now = Date.now();
    expect((await bn<Row[]>("GET", "/api/v3/myTrades", k, { params: { symbol: "BTCUSDT", startTime: now - 60_000, endTime: now + 1000 } })).body).toHaveLength(2);
    expect((await bn("GET", "/api/v3/myTrades", k, { params: { symbol: "BTCUSDT", startTime: now - 86_400_001, endTime: now } })).body).toMatchObject({ code: -1127 });
    expect((await bn("GET", "/api/v3/myTrades", k, { params: { symbol: "BTCUSDT", fromId: 1, startTime: now } })).body).toMatchObject({ code: -1128 });
    expect((await bn<Row[]>("GET", "/api/v3/myTrades", k, { params: { symbol: "ETHUSDT" } })).body).toEqual([]);
  });

  it("orderList, openOrderList, allOrderList show OCOs with their legs; -2013 for an unknown list", async () => {
    const u = await newUser(api);
    const k = await newKey(u.token);
    const oco = await api<{ oco_id: string; orders: (Row & { order_no: number; order_id: string })[] }>("POST", "/api/orders/oco", {
      token: u.token, body: { symbol: "BTCUSDT", side: "BUY", amount: 0.01, price: 85000, stop_price: 95000 },
    });
    expect(oco.status).toBe(201);
    const [limit, stop] = oco.body.orders;
    const listId = limit!.order_no;
    const one = await bn<Row & { orders: Row[] }>("GET", "/api/v3/orderList", k, { params: { orderListId: listId } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ orderListId: listId, contingencyType: "OCO", listOrderStatus: "EXECUTING", symbol: "BTCUSDT" });
    expect(one.body.orders.map((o) => o.orderId)).toEqual([listId, stop!.order_no]);
    expect((await bn("GET", "/api/v3/orderList", k, { params: { orderListId: stop!.order_no } })).body).toMatchObject({ code: -2013 });
    expect((await bn("GET", "/api/v3/orderList", k)).body).toMatchObject({ code: -1102 });
    expect((await bn<Row[]>("GET", "/api/v3/openOrderList", k)).body.map((l) => l.orderListId)).toEqual([listId]);
    // the legs in openOrders carry their list id
    expect((await bn<Row[]>("GET", "/api/v3/openOrders", k)).body.map((o) => o.orderListId)).toEqual([listId, listId]);
    expect((await api("DELETE", `/api/orders/${stop!.order_id}`, { token: u.token })).status).toBe(200);
    expect((await bn<Row[]>("GET", "/api/v3/openOrderList", k)).body).toEqual([]);
    const all = await bn<Row[]>("GET", "/api/v3/allOrderList", k);
    expect(all.body).toEqual([expect.objectContaining({ orderListId: listId, listOrderStatus: "ALL_DONE" })]);
    expect((await bn<Row[]>("GET", "/api/v3/allOrderList", k, { params: { fromId: listId + 1 } })).body).toEqual([]);
  });

  it("keys and secrets never appear in the server's logs", async () => {
    const u = await newUser(api);
    const k = await newKey(u.token);
    await account(k);
    await bn("GET", "/api/v3/account", { ...k, secretKey: "wrong" });
    const logs = server.logs.join("");
    expect(logs).not.toContain(k.secretKey);
    expect(logs).not.toContain(k.apiKey);
  });
});
