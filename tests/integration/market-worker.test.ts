// The market worker through the real server: the feed drops and comes back (stale -> no fills, 503),
// open orders survive a restart and fill afterwards, and /ws pushes ticks and the user's own fills.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { market, tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
});
afterAll(async () => server?.close());

type Tx = { order_id: string; price: number };
const closed = async (token: string) => (await api<{ closed: Tx[] }>("GET", "/api/transactions/closed", { token })).body.closed;

describe("feed outages", () => {
  it("marks prices stale while Binance is away, refuses orders with 503, and recovers on reconnect", async () => {
    await tradeAt(server, api, "ETHUSDT", "3000");
    const u = await newUser(api);
    const sl = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "ETH", quote: "USDT", side: "BUY", b_amount: 1, stop: 3100 } });
    expect(sl.status).toBe(201);
    expect((await market(api, "ETHUSDT"))?.source).toBe("binance");

    server.binance.refuseConnections(true);
    server.binance.dropConnections();
    await waitFor(async () => (await market(api, "ETHUSDT"))?.stale === true, "ETHUSDT to go stale");
    const refused = await api("POST", "/api/order/market", { token: u.token, body: { base: "ETH", quote: "USDT", side: "BUY", b_amount: 1 } });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: "NO_FRESH_PRICE" });
    // The wallet still answers at once, saying the prices are stale.
    const w = await api<{ prices_stale: boolean }>("GET", "/api/wallet", { token: u.token });
    expect(w.status).toBe(200);
    expect(w.body.prices_stale).toBe(true);

    server.binance.refuseConnections(false);
    await waitFor(async () => server.binance.connectionCount > 0 && server.binance.subscriptions.some((s) => s.some((x) => x.toLowerCase() === "ethusdt@trade")), "the worker to reconnect and resubscribe", 30_000);
    // The first trade after the reconnect crosses the stop and fills at its own price.
    server.binance.trade("ETHUSDT", "3150");
    const filled = await waitFor(async () => (await closed(u.token)).find((t) => t.order_id === sl.body.order_id), "the fill after reconnect");
    expect(filled.price).toBe(3150);
  });
});

describe("restarts", () => {
  it("re-arms open stop orders from the database after a restart", async () => {
    await tradeAt(server, api, "XRPUSDT", "2.1");
    const u = await newUser(api);
    await api("POST", "/api/order/market", { token: u.token, body: { base: "XRP", quote: "USDT", side: "BUY", b_amount: 1000 } });
    const tp = await api<{ order_id: string; order_type: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "XRP", quote: "USDT", side: "SELL", b_amount: 1000, stop: 2.5 } });
    expect(tp.body.order_type).toBe("TP");
    await server.restart();
    await waitFor(async () => server.binance.connectionCount > 0, "the restarted worker to connect", 30_000);
    server.binance.trade("XRPUSDT", "2.6");
    const filled = await waitFor(async () => (await closed(u.token)).find((t) => t.order_id === tp.body.order_id), "the re-armed order to fill", 15_000);
    expect(filled.price).toBe(2.6);
  });
});

describe("/ws", () => {
  it("pushes ticks of subscribed pairs and, to a signed-in socket, that user's fills", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api);
    const other = await newUser(api);
    const open = (token?: string) =>
      new Promise<{ ws: WebSocket; got: Record<string, unknown>[] }>((resolve, reject) => {
        const ws = new WebSocket(`${server.url.replace("http", "ws")}/ws`);
        const got: Record<string, unknown>[] = [];
        ws.on("message", (m: Buffer) => got.push(JSON.parse(m.toString()) as Record<string, unknown>));
        ws.once("open", () => {
          if (token) ws.send(JSON.stringify({ type: "auth", token }));
          ws.send(JSON.stringify({ type: "subscribe", symbols: ["BTCUSDT"] }));
          resolve({ ws, got });
        });
        ws.once("error", reject);
      });
    const mine = await open(u.token);
    const theirs = await open(other.token);
    const anon = await open();
    await new Promise((r) => setTimeout(r, 300));
    const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01, stop: 91000 } });
    server.binance.trade("BTCUSDT", "91500");
    await waitFor(async () => mine.got.find((m) => m.type === "fill" && m.orderId === o.body.order_id), "the fill message");
    await waitFor(async () => anon.got.find((m) => m.type === "tick" && m.symbol === "BTCUSDT" && m.price === 91500), "a tick for the anonymous socket");
    expect(theirs.got.some((m) => m.type === "fill")).toBe(false);
    expect(anon.got.some((m) => m.type === "fill")).toBe(false);
    for (const s of [mine, theirs, anon]) s.ws.close();
  });
});
