// Portfolios end to end (issue 13 item 1): practice portfolios with their own balance, every trading,
// wallet, order, history and CSV endpoint scoped by X-Portfolio / ?portfolio=, another user's portfolio
// answering 404, API keys bound to one portfolio, /ws fills only to the portfolio's own sockets.
import WebSocket from "ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { binanceClient, type BinanceCall } from "../support/binance-client";
import { ledgerMismatches } from "../support/db-query";
import { tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;
let binance: BinanceCall;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  binance = binanceClient(server.url);
});
afterAll(async () => server?.close());
beforeEach(async () => {
  await tradeAt(server, api, "BTCUSDT", "90000");
});

type Portfolio = { id: string; name: string; kind: string; starting_balance: number; value: number; pnl: number };
const inPortfolio = (id: string) => ({ "x-portfolio": id });
const wallet = async (token: string, portfolio?: string) =>
  (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number>; portfolio_value: number; pnl: number }>("GET", "/api/wallet", { token, headers: portfolio ? inPortfolio(portfolio) : {} })).body;
const practice = async (token: string, body: Record<string, unknown>) => {
  const r = await api<Portfolio>("POST", "/api/portfolios", { token, body });
  expect(r.status).toBe(201);
  return r.body;
};

describe("practice portfolios", () => {
  it("are created with their own starting balance, listed with value and pnl, deleted with what they hold", async () => {
    const u = await newUser(api);
    const p = await practice(u.token, { name: "Scalping", starting_balance: 1000 });
    expect(p).toMatchObject({ name: "Scalping", kind: "practice", starting_balance: 1000, value: 1000, pnl: 0 });
    const list = await api<{ portfolios: Portfolio[] }>("GET", "/api/portfolios", { token: u.token });
    expect(list.body.portfolios.map((x) => [x.kind, x.name, x.starting_balance])).toEqual([
      ["main", "Main", 50000],
      ["practice", "Scalping", 1000],
    ]);
    const buy = await api("POST", "/api/order/market", { token: u.token, headers: inPortfolio(p.id), body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01 } });
    expect(buy.status).toBe(200);
    expect((await wallet(u.token, p.id)).balance).toMatchObject({ USDT: 99.1, BTC: 0.01 });
    expect((await wallet(u.token)).balance).toMatchObject({ USDT: 50000, BTC: 0 });
    const listed = (await api<{ portfolios: Portfolio[] }>("GET", "/api/portfolios", { token: u.token })).body.portfolios.find((x) => x.id === p.id);
    expect(listed).toMatchObject({ value: 999.1, pnl: -0.9 });

    // Reset acts on one portfolio and restores its own starting balance.
    expect((await api("PUT", `/api/reset?portfolio=${p.id}`, { token: u.token })).status).toBe(200);
    expect((await wallet(u.token, p.id)).balance).toMatchObject({ USDT: 1000, BTC: 0 });

    expect((await api("DELETE", "/api/portfolios/" + u.email, { token: u.token })).status).toBe(404);
    const main = list.body.portfolios[0]!.id;
    expect((await api("DELETE", `/api/portfolios/${main}`, { token: u.token })).body).toMatchObject({ code: "BUSINESS_RULE" });
    expect((await api("DELETE", `/api/portfolios/${p.id}`, { token: u.token })).body).toEqual({ deleted: true });
    expect((await api("GET", "/api/wallet", { token: u.token, headers: inPortfolio(p.id) })).status).toBe(404);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("refuses bad names and balances with 400 and caps practice portfolios", async () => {
    const u = await newUser(api);
    for (const body of [{}, { name: "" }, { name: "x".repeat(41) }, { name: "a\u0000b" }, { name: "ok", starting_balance: -1 }, { name: "ok", starting_balance: 1e10 }]) {
      const r = await api("POST", "/api/portfolios", { token: u.token, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body).toMatchObject({ code: "VALIDATION_FAILED" });
    }
    const made = await Promise.all(Array.from({ length: 14 }, (_, i) => api("POST", "/api/portfolios", { token: u.token, body: { name: `p${i}` } })));
    expect(made.filter((r) => r.status === 201)).toHaveLength(10);
    expect(made.filter((r) => r.status === 422).every((r) => (r.body as { code: string }).code === "TOO_MANY_PORTFOLIOS")).toBe(true);
  });
});

describe("scoping", () => {
  it("nothing of one portfolio is visible or movable through another, nor through another user's id", async () => {
    const u = await newUser(api);
    const other = await newUser(api);
    const p = await practice(u.token, { name: "P" });
    const theirs = await practice(other.token, { name: "Theirs" });
    const sl = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, headers: inPortfolio(p.id), body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01, stop: 95000 } });
    expect(sl.status).toBe(201);
    const native = await api<{ id: string }>("POST", "/api/orders", { token: u.token, headers: inPortfolio(p.id), body: { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.01, price: 80000 } });
    expect(native.status).toBe(201);

    // The main portfolio sees none of it.
    expect((await api<{ open: unknown[] }>("GET", "/api/transactions/open", { token: u.token })).body.open).toEqual([]);
    expect((await api<{ orders: unknown[] }>("GET", "/api/orders?status=open", { token: u.token })).body.orders).toEqual([]);
    expect((await api("GET", `/api/orders/${native.body.id}`, { token: u.token })).status).toBe(404);
    expect((await api("DELETE", `/api/orders/${native.body.id}`, { token: u.token })).status).toBe(404);
    expect((await api("DELETE", "/api/order/stoploss", { token: u.token, body: { order_id: sl.body.order_id } })).status).toBe(404);
    // The practice portfolio sees both, by header and by query.
    expect((await api<{ open: unknown[] }>("GET", "/api/transactions/open", { token: u.token, headers: inPortfolio(p.id) })).body.open).toHaveLength(2);
    expect((await api<{ orders: unknown[] }>("GET", `/api/orders?status=open&portfolio=${p.id}`, { token: u.token })).body.orders).toHaveLength(2);

    // Another user's portfolio id: 404 on every endpoint, nothing moved.
    for (const [method, path, body] of [
      ["GET", "/api/wallet", undefined],
      ["GET", "/api/wallet/USDT", undefined],
      ["GET", "/api/transactions/open", undefined],
      ["GET", "/api/transactions/closed", undefined],
      ["GET", "/api/transactions/closed?format=csv", undefined],
      ["GET", "/api/portfolio/history", undefined],
      ["GET", "/api/orders", undefined],
      ["POST", "/api/order/market", { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01 }],
      ["POST", "/api/orders", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", amount: 0.01 }],
      ["PUT", "/api/reset", undefined],
    ] as const) {
      const r = await api(method, path, { token: u.token, headers: inPortfolio(theirs.id), body });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body).toMatchObject({ code: "PORTFOLIO_NOT_FOUND" });
    }
    expect((await api("GET", "/api/wallet", { token: u.token, headers: inPortfolio(other.email) })).status).toBe(404);
    expect((await wallet(other.token, theirs.id)).balance).toMatchObject({ USDT: 50000, BTC: 0 });

    // The practice portfolio's CSV and closed list hold its own fills only.
    await api("POST", "/api/order/market", { token: u.token, headers: inPortfolio(p.id), body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.02 } });
    const csv = await api("GET", `/api/transactions/closed?format=csv&portfolio=${p.id}`, { token: u.token });
    expect(csv.text.trim().split("\n")).toHaveLength(2);
    const mainCsv = await api("GET", "/api/transactions/closed?format=csv", { token: u.token });
    expect(mainCsv.text.trim().split("\n")).toHaveLength(1);
  });

  it("binds an API key to one portfolio: the Binance API trades and reads only there", async () => {
    const u = await newUser(api);
    const other = await newUser(api);
    const p = await practice(u.token, { name: "Bot", starting_balance: 2000 });
    const theirs = await practice(other.token, { name: "Theirs" });
    const refused = await api("POST", "/api/keys", { token: u.token, body: { label: "x", portfolio_id: theirs.id } });
    expect(refused.status).toBe(404);
    const key = await api<{ apiKey: string; secretKey: string; portfolio_id: string }>("POST", "/api/keys", { token: u.token, body: { label: "bot", portfolio_id: p.id } });
    expect(key.status).toBe(201);
    expect(key.body.portfolio_id).toBe(p.id);
    const k = { apiKey: key.body.apiKey, secretKey: key.body.secretKey };
    const account = await binance<{ balances: { asset: string; free: string }[] }>("GET", "/api/v3/account", k);
    expect(account.body.balances.find((b) => b.asset === "USDT")?.free).toBe("2000.00000000");
    const order = await binance("POST", "/api/v3/order", k, { params: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" } });
    expect(order.status).toBe(200);
    expect((await wallet(u.token, p.id)).balance.BTC).toBe(0.01);
    expect((await wallet(u.token)).balance).toMatchObject({ USDT: 50000, BTC: 0 });
    const mainKey = await api<{ apiKey: string; secretKey: string; portfolio_id: string }>("POST", "/api/keys", { token: u.token, body: { label: "main" } });
    const mainOrders = await binance<unknown[]>("GET", "/api/v3/allOrders", { apiKey: mainKey.body.apiKey, secretKey: mainKey.body.secretKey }, { params: { symbol: "BTCUSDT" } });
    expect(mainOrders.body).toEqual([]);
    // Deleting the portfolio ends its key.
    await api("DELETE", `/api/portfolios/${p.id}`, { token: u.token });
    const after = await binance("GET", "/api/v3/account", k);
    expect(after.status).toBe(401);
  });

  it("/ws sends a fill only to the sockets of the portfolio it belongs to", async () => {
    const u = await newUser(api);
    const p = await practice(u.token, { name: "Live" });
    const open = async (portfolio?: string) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/ws`);
      const got: Record<string, unknown>[] = [];
      ws.on("message", (m: Buffer) => got.push(JSON.parse(m.toString()) as Record<string, unknown>));
      await new Promise((r) => ws.once("open", r));
      ws.send(JSON.stringify({ type: "auth", token: u.token, ...(portfolio ? { portfolio } : {}) }));
      await waitFor(async () => got.find((m) => m.type === "authenticated"), "auth");
      return { ws, got };
    };
    const [mainSocket, practiceSocket] = await Promise.all([open(), open(p.id)]);
    const stranger = await newUser(api);
    const refused = new WebSocket(`${server.url.replace("http", "ws")}/ws`);
    const refusedGot: Record<string, unknown>[] = [];
    refused.on("message", (m: Buffer) => refusedGot.push(JSON.parse(m.toString()) as Record<string, unknown>));
    await new Promise((r) => refused.once("open", r));
    refused.send(JSON.stringify({ type: "auth", token: stranger.token, portfolio: p.id }));
    await waitFor(async () => refusedGot.find((m) => m.type === "error"), "the stranger's auth to fail");

    const sl = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, headers: inPortfolio(p.id), body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01, stop: 91000 } });
    expect(sl.status).toBe(201);
    await tradeAt(server, api, "BTCUSDT", "91500");
    await waitFor(async () => practiceSocket.got.find((m) => m.type === "fill" && m.orderId === sl.body.order_id), "the fill on the practice socket");
    await tradeAt(server, api, "BTCUSDT", "90000");
    expect(mainSocket.got.filter((m) => m.type === "fill" || m.type === "order")).toEqual([]);
    for (const s of [mainSocket.ws, practiceSocket.ws, refused]) s.close();
  });
});
