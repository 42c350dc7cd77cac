// Binance's user data stream on /ws-api/v3 against the real server and database: a key made through
// /api/keys signs the subscription; orders placed through the native APIs (the original's and /api/orders),
// filled by the worker on fake Binance trades, cancelled, expired and reset, arrive as Binance's
// executionReport, listStatus and outboundAccountPosition, with exact amounts; a revoked key's stream ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { tradeAt } from "../support/market-moves";
import { binanceClient } from "../support/binance-signer";
import { openUserStream, type StreamEvent } from "../support/user-stream";

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer({ API_KEY_ENCRYPTION_KEY: "ab".repeat(32) });
  api = apiClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
});
afterAll(async () => server?.close());

interface Key {
  id: string;
  apiKey: string;
  secretKey: string;
}
const newKey = async (token: string, permissions = ["READ", "TRADE"]) => {
  const r = await api<Key>("POST", "/api/keys", { token, body: { label: "stream test", permissions } });
  expect(r.status).toBe(201);
  return r.body;
};
const orderNo = async (token: string, id: string) => (await api<{ order_no: number }>("GET", `/api/orders/${id}`, { token })).body.order_no;
const isReport = (orderId: number, x?: string) => (e: StreamEvent) => e.e === "executionReport" && e.i === orderId && (x === undefined || e.x === x);
const balanceOf = (e: StreamEvent | undefined, coin: string) => (e?.B as { a: string; f: string; l: string }[] | undefined)?.find((b) => b.a === coin);

describe("/ws-api/v3 user data stream", () => {
  it("subscribes with a READ key's signature and refuses bad signatures, stale timestamps and unknown keys", async () => {
    const u = await newUser(api);
    const key = await newKey(u.token, ["READ"]);
    const s = await openUserStream(server.url);
    expect(await s.request("ping", {})).toMatchObject({ status: 200, result: {} });
    expect(await s.subscribe(key.apiKey, key.secretKey)).toMatchObject({ status: 200, result: { subscriptionId: 0 } });
    expect(await s.request("session.subscriptions")).toMatchObject({ result: [{ subscriptionId: 0 }] });
    expect(await s.subscribe(key.apiKey, "wrong-secret")).toMatchObject({ status: 400, error: { code: -1022 } });
    const stale = await s.subscribe(key.apiKey, key.secretKey, { timestamp: Date.now() - 60_000 });
    expect(stale).toMatchObject({ status: 400, error: { code: -1021 } });
    const unknown = await s.subscribe("A".repeat(64), key.secretKey);
    expect(unknown).toMatchObject({ status: 401, error: { code: -2015 } });
    expect(await s.request("userDataStream.subscribe.signature", { apiKey: key.apiKey })).toMatchObject({ status: 400, error: { code: -1102 } });
    s.close();
  });

  it("reports a native market order as NEW then TRADE, then the two coins' balances, exactly", async () => {
    const u = await newUser(api);
    const other = await newUser(api);
    const key = await newKey(u.token);
    const s = await openUserStream(server.url);
    await s.subscribe(key.apiKey, key.secretKey);
    // someone else's order never shows here
    await api("POST", "/api/order/market", { token: other.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.02 } });
    const r = await api<{ order_id: string }>("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01 } });
    expect(r.status).toBe(200);
    const no = await orderNo(u.token, r.body.order_id);
    const [placed, trade] = await s.waitForEvents(isReport(no), 2, "NEW and TRADE");
    expect(placed).toMatchObject({ x: "NEW", X: "NEW", s: "BTCUSDT", S: "BUY", o: "MARKET", q: "0.01000000", z: "0.00000000", g: -1 });
    expect(trade).toMatchObject({
      e: "executionReport", x: "TRADE", X: "FILLED", s: "BTCUSDT", S: "BUY", o: "MARKET", q: "0.01000000",
      l: "0.01000000", z: "0.01000000", L: "90000.00000000", Z: "900.00000000", Y: "900.00000000",
      n: "0.90000000", N: "USDT", t: no, m: false, w: false, r: "NONE", C: "",
    });
    for (const f of ["E", "T", "O"]) expect(typeof trade![f]).toBe("number");
    const [position] = await s.waitForEvents((e) => e.e === "outboundAccountPosition", 1, "balances");
    expect(balanceOf(position, "USDT")).toEqual({ a: "USDT", f: "49099.10000000", l: "0.00000000" });
    expect(balanceOf(position, "BTC")).toEqual({ a: "BTC", f: "0.01000000", l: "0.00000000" });
    expect(s.events().map((e) => e.e)).toEqual(["executionReport", "executionReport", "outboundAccountPosition"]);
    s.close();
  });

  it("reports a resting limit's lock, its fill by the worker, and a cancel with the original client id", async () => {
    const u = await newUser(api);
    const key = await newKey(u.token);
    const s = await openUserStream(server.url);
    await s.subscribe(key.apiKey, key.secretKey);
    const rest = await api<{ order_id: string; order_no: number }>("POST", "/api/orders", {
      token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.01, price: 89000, client_order_id: "bot-dip-1" },
    });
    expect(rest.status).toBe(201);
    const no = rest.body.order_no;
    const [opened] = await s.waitForEvents(isReport(no, "NEW"), 1, "NEW");
    expect(opened).toMatchObject({ X: "NEW", o: "LIMIT", f: "GTC", p: "89000.00000000", c: "bot-dip-1", w: true, z: "0.00000000" });
    expect(typeof opened!.W).toBe("number");
    const [locked] = await s.waitForEvents((e) => e.e === "outboundAccountPosition", 1, "lock");
    expect(balanceOf(locked, "USDT")).toEqual({ a: "USDT", f: "49109.11000000", l: "890.89000000" });

    await tradeAt(server, api, "BTCUSDT", "88500");
    const [filled] = await s.waitForEvents(isReport(no, "TRADE"), 1, "fill by the worker");
    expect(filled).toMatchObject({ X: "FILLED", L: "89000.00000000", l: "0.01000000", n: "0.89000000", N: "USDT", m: true, c: "bot-dip-1" });
    const positions = await s.waitForEvents((e) => e.e === "outboundAccountPosition", 2, "balances after the fill");
    expect(balanceOf(positions[1], "USDT")).toEqual({ a: "USDT", f: "49109.11000000", l: "0.00000000" });
    expect(balanceOf(positions[1], "BTC")).toEqual({ a: "BTC", f: "0.01000000", l: "0.00000000" });

    const other = await api<{ order_id: string; order_no: number }>("POST", "/api/orders", {
      token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.01, price: 80000, client_order_id: "bot-dip-2" },
    });
    expect((await api("DELETE", `/api/orders/${other.body.order_id}`, { token: u.token })).status).toBe(200);
    const [cancelled] = await s.waitForEvents(isReport(other.body.order_no, "CANCELED"), 1, "CANCELED");
    expect(cancelled).toMatchObject({ X: "CANCELED", C: "bot-dip-2", c: "bot-dip-2", w: false });
    s.close();
  });

  it("reports an OCO's legs with listStatus, and its end when one leg fills", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api);
    await api("POST", "/api/orders", { token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", amount: 0.1 } });
    const key = await newKey(u.token);
    const s = await openUserStream(server.url);
    await s.subscribe(key.apiKey, key.secretKey);
    const r = await api<{ orders: { order_no: number }[] }>("POST", "/api/orders/oco", {
      token: u.token, body: { symbol: "BTCUSDT", side: "SELL", amount: 0.1, price: 92000, stop_price: 88000, client_order_id: "native-list" },
    });
    expect(r.status).toBe(201);
    const [limitNo, stopNo] = r.body.orders.map((o) => o.order_no);
    const lists = await s.waitForEvents((e) => e.e === "listStatus", 2, "listStatus of both legs");
    expect(lists[1]).toMatchObject({ c: "OCO", l: "EXEC_STARTED", L: "EXECUTING", g: limitNo, s: "BTCUSDT", C: "native-list" });
    expect((lists[1]!.O as { i: number }[]).map((o) => o.i)).toEqual([limitNo, stopNo]);
    const [leg] = await s.waitForEvents(isReport(stopNo!, "NEW"), 1, "stop leg");
    expect(leg).toMatchObject({ g: limitNo, o: "STOP_LOSS", P: "88000.00000000" });

    await tradeAt(server, api, "BTCUSDT", "92500");
    await s.waitForEvents(isReport(limitNo!, "TRADE"), 1, "limit leg filled");
    await s.waitForEvents(isReport(stopNo!, "EXPIRED"), 1, "stop leg expired");
    const done = await s.waitForEvents((e) => e.e === "listStatus" && e.l === "ALL_DONE", 1, "ALL_DONE");
    expect(done[0]).toMatchObject({ L: "ALL_DONE", g: limitNo, C: "native-list" });

    // a Binance OCO whose legs carry their own client ids keeps its listClientOrderId in listStatus
    await tradeAt(server, api, "BTCUSDT", "90000");
    const own = await binanceClient(server.url)("POST", "/api/v3/orderList/oco", {
      symbol: "BTCUSDT", side: "BUY", quantity: "0.01", aboveType: "STOP_LOSS", aboveStopPrice: "95000", aboveClientOrderId: "bot-stop",
      belowType: "TAKE_PROFIT", belowStopPrice: "85000", belowClientOrderId: "bot-tp", listClientOrderId: "bot-list",
    }, { key });
    expect(own.status).toBe(200);
    const [ownList] = await s.waitForEvents((e) => e.e === "listStatus" && e.C === "bot-list", 1, "listStatus of the Binance OCO");
    expect((ownList!.O as { c: string }[]).map((o) => o.c)).toEqual(["bot-tp", "bot-stop"]);
    s.close();
  });

  it("reports an account reset: the open order cancelled, then every coin back to the start", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api);
    const key = await newKey(u.token);
    const s = await openUserStream(server.url);
    await s.subscribe(key.apiKey, key.secretKey);
    const rest = await api<{ order_no: number }>("POST", "/api/orders", { token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.01, price: 80000 } });
    await s.waitForEvents(isReport(rest.body.order_no, "NEW"), 1, "NEW");
    expect((await api("PUT", "/api/reset", { token: u.token })).status).toBe(200);
    await s.waitForEvents(isReport(rest.body.order_no, "CANCELED"), 1, "cancelled by the reset");
    const all = await s.waitForEvents((e) => e.e === "outboundAccountPosition" && (e.B as unknown[]).length === 6, 1, "every coin");
    expect(balanceOf(all[0], "USDT")).toEqual({ a: "USDT", f: "50000.00000000", l: "0.00000000" });
    s.close();
  });

  it("ends the stream with eventStreamTerminated when its key is revoked, and refuses the key afterwards", async () => {
    const u = await newUser(api);
    const key = await newKey(u.token);
    const kept = await newKey(u.token);
    const s = await openUserStream(server.url);
    await s.subscribe(key.apiKey, key.secretKey);
    const t = await openUserStream(server.url);
    await t.subscribe(kept.apiKey, kept.secretKey);
    expect((await api("DELETE", `/api/keys/${key.id}`, { token: u.token })).status).toBe(200);
    const [end] = await s.waitForEvents((e) => e.e === "eventStreamTerminated", 1, "eventStreamTerminated");
    expect(typeof end!.E).toBe("number");
    expect(await s.request("session.subscriptions")).toMatchObject({ result: [] });
    expect(await s.subscribe(key.apiKey, key.secretKey)).toMatchObject({ status: 401, error: { code: -2015 } });
    // the other key's stream goes on
    const r = await api<{ order_no: number }>("POST", "/api/orders", { token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.01, price: 80000 } });
    await t.waitForEvents(isReport(r.body.order_no, "NEW"), 1, "events on the kept key");
    expect(s.events().filter((e) => e.e === "executionReport")).toEqual([]);
    s.close();
    t.close();
  });

  it("the Connect a bot page, readable signed out, carries this server's own URLs in its snippets", async () => {
    const r = await fetch(`${server.url}/connect-a-bot`);
    expect(r.status).toBe(200);
    const html = await r.text();
    const ws = server.url.replace("http", "ws");
    expect(html).toContain(`${ws}/ws-api/v3`);
    expect(html).toContain(`"public": "${server.url}/api/v3"`);
    for (const words of ["ccxt in JavaScript", "ccxt in Python", "freqtrade", "The order book is synthetic", "Whole fills", "quote coin"]) expect(html).toContain(words);
    expect(html).not.toContain("{{ORIGIN}}");
  });
});
