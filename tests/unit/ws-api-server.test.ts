// The /ws-api/v3 protocol (lib/realtime/ws-api-server.ts) over real sockets, with a stand-in for the
// database-backed event source (that one runs in tests/integration/binance-stream.test.ts): request and
// answer shapes, subscriptions, event order, revocation, heartbeat, caps.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { BinanceError } from "@/lib/binance/errors";
import { marketEvents } from "@/lib/market/events";
import { messageText } from "@/lib/market/ws-message-text";
import { attachWsApiServer, type UserStreamSource, type WsApiServerOptions } from "@/lib/realtime/ws-api-server";
import { waitFor } from "../support/wait-for";

type Msg = Record<string, unknown>;

const revoked = new Set<string>();
let loads = 0;
// Keys "key-<user>-<n>" belong to <user>; a signature "bad" is refused as Binance does (-1022).
const source: UserStreamSource = {
  async subscribe(params) {
    if (params.signature === "bad") throw new BinanceError(-1022, "Signature for this request is not valid.");
    const m = /^key-(\w+)-(\d+)$/.exec(String(params.apiKey));
    if (!m) throw new BinanceError(-2015, "Invalid API-key, IP, or permissions for action.", 401);
    return { userId: m[1]!, portfolioId: m[1]!, keyId: `${m[1]}-${m[2]}` };
  },
  async orderEvents(userId, orderId) {
    loads++;
    // the first load is slow: a later change must still be delivered after it
    if (orderId === "slow") await new Promise((r) => setTimeout(r, 150));
    return [{ e: "executionReport", i: orderId, u: userId }, { e: "outboundAccountPosition", u: userId }];
  },
  async resetEvents(userId) {
    return [{ e: "outboundAccountPosition", reset: userId }];
  },
  async isKeyLive(key) {
    return !revoked.has(key.keyId);
  },
};

async function connect(url: string) {
  const ws = new WebSocket(url);
  const got: Msg[] = [];
  let pings = 0;
  ws.on("ping", () => pings++);
  ws.on("message", (m) => got.push(JSON.parse(messageText(m)) as Msg));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const request = async (id: unknown, method: string, params?: unknown): Promise<Msg> => {
    ws.send(JSON.stringify(params === undefined ? { id, method } : { id, method, params }));
    return waitFor(async () => got.find((m) => m.id === id && "status" in m), `answer ${String(id)}`);
  };
  return { ws, got, request, pings: () => pings, events: () => got.filter((m) => "subscriptionId" in m && "event" in m) };
}

async function withServer(options: Partial<WsApiServerOptions>, run: (url: string, h: ReturnType<typeof attachWsApiServer>) => Promise<void>) {
  const srv = http.createServer((_req, res) => res.end("ok"));
  const h = attachWsApiServer(srv, { source, recheckMs: 0, ...options });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  try {
    await run(`ws://127.0.0.1:${(srv.address() as AddressInfo).port}/ws-api/v3`, h);
  } finally {
    await h.close();
    await new Promise((r) => srv.close(r));
  }
}

let server: http.Server;
let handle: ReturnType<typeof attachWsApiServer>;
let url: string;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end("ok"));
  // stands for the other upgrade listeners (/ws, Next.js): what is not /ws-api/v3 is left to them
  server.on("upgrade", (req, socket) => {
    if (req.url !== "/ws-api/v3") socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
  });
  handle = attachWsApiServer(server, { source, recheckMs: 0 });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws-api/v3`;
});

afterAll(async () => {
  await handle.close();
  await new Promise((r) => server.close(r));
});

describe("/ws-api/v3", () => {
  it("answers ping and time with the request's id, as Binance's WebSocket API", async () => {
    const c = await connect(url);
    expect(await c.request("a-1", "ping", {})).toEqual({ id: "a-1", status: 200, result: {} });
    const t = await c.request(7, "time");
    expect(t).toMatchObject({ id: 7, status: 200 });
    expect(Math.abs((t.result as { serverTime: number }).serverTime - Date.now())).toBeLessThan(5000);
    c.ws.close();
  });

  it("answers malformed requests in Binance's error shape without closing", async () => {
    const c = await connect(url);
    c.ws.send("{nope");
    await waitFor(async () => c.got.length === 1, "answer to bad JSON");
    expect(c.got[0]).toMatchObject({ id: null, status: 400, error: { code: -1135 } });
    expect(await c.request("m", "order.place", {})).toMatchObject({ id: "m", status: 400, error: { code: -1020 } });
    expect(await c.request("p", "ping", [1])).toMatchObject({ status: 400, error: { code: -1135, msg: "Invalid 'params' in JSON request; expected an object." } });
    expect(await c.request("q", "__proto__", {})).toMatchObject({ status: 400, error: { code: -1020 } });
    c.ws.send(JSON.stringify({ id: "x".repeat(37), method: "ping" }));
    await waitFor(async () => c.got.filter((m) => m.id === null).length === 2, "answer to a long id");
    expect(await c.request("still", "ping")).toMatchObject({ status: 200 });
    c.ws.close();
  });

  it("subscribes with a signature, lists and ends subscriptions", async () => {
    const c = await connect(url);
    expect(await c.request(1, "userDataStream.subscribe.signature", { apiKey: "key-u1-1", signature: "bad" })).toEqual({
      id: 1,
      status: 400,
      error: { code: -1022, msg: "Signature for this request is not valid." },
    });
    expect(await c.request(2, "userDataStream.subscribe.signature", { apiKey: "nobody" })).toMatchObject({ status: 401, error: { code: -2015 } });
    expect(await c.request(3, "userDataStream.subscribe.signature", { apiKey: "key-u1-1" })).toEqual({ id: 3, status: 200, result: { subscriptionId: 0 } });
    // one subscription per account and connection, as Binance
    expect(await c.request(4, "userDataStream.subscribe.signature", { apiKey: "key-u1-2" })).toMatchObject({ status: 400, error: { code: -2035 } });
    expect(await c.request(5, "userDataStream.subscribe.signature", { apiKey: "key-u2-1" })).toMatchObject({ result: { subscriptionId: 1 } });
    expect(await c.request(6, "session.subscriptions")).toEqual({ id: 6, status: 200, result: [{ subscriptionId: 0 }, { subscriptionId: 1 }] });
    expect(await c.request(7, "userDataStream.unsubscribe", { subscriptionId: 9 })).toMatchObject({ status: 400, error: { code: -2036 } });
    expect(await c.request(8, "userDataStream.unsubscribe", { subscriptionId: 0 })).toMatchObject({ status: 200, result: {} });
    expect(await c.request(9, "session.subscriptions")).toMatchObject({ result: [{ subscriptionId: 1 }] });
    expect(await c.request(10, "userDataStream.unsubscribe")).toMatchObject({ status: 200 });
    expect(await c.request(11, "session.subscriptions")).toMatchObject({ result: [] });
    c.ws.close();
  });

  it("sends each change of the account's orders to its subscriptions only, in the order announced", async () => {
    const a = await connect(url);
    const b = await connect(url);
    await a.request(1, "userDataStream.subscribe.signature", { apiKey: "key-ua-1" });
    await b.request(1, "userDataStream.subscribe.signature", { apiKey: "key-ub-1" });
    const before = loads;
    marketEvents.emit("order-changed", { portfolioId: "ua", orderId: "slow" });
    // A trailing stop's trigger moving is no change Binance reports: nothing is loaded or sent for it.
    marketEvents.emit("order-changed", { portfolioId: "ua", orderId: "trailing", triggerMoved: true });
    marketEvents.emit("order-changed", { portfolioId: "ua", orderId: "fast" });
    marketEvents.emit("order-changed", { portfolioId: "nobody-listens", orderId: "x" });
    marketEvents.emit("account-reset", { portfolioId: "ua" });
    await waitFor(async () => a.events().length === 5, "events");
    expect(a.events()).toEqual([
      { subscriptionId: 0, event: { e: "executionReport", i: "slow", u: "ua" } },
      { subscriptionId: 0, event: { e: "outboundAccountPosition", u: "ua" } },
      { subscriptionId: 0, event: { e: "executionReport", i: "fast", u: "ua" } },
      { subscriptionId: 0, event: { e: "outboundAccountPosition", u: "ua" } },
      { subscriptionId: 0, event: { e: "outboundAccountPosition", reset: "ua" } },
    ]);
    expect(b.events()).toEqual([]);
    expect(loads - before).toBe(2); // nothing is loaded for an account nobody here watches
    a.ws.close();
    b.ws.close();
  });

  it("ends a revoked key's subscription with eventStreamTerminated, and no events after", async () => {
    const c = await connect(url);
    await c.request(1, "userDataStream.subscribe.signature", { apiKey: "key-ur-1" });
    await c.request(2, "userDataStream.subscribe.signature", { apiKey: "key-us-1" });
    marketEvents.emit("api-key-revoked", { userId: "ur", keyId: "ur-1" });
    const end = await waitFor(async () => c.events().find((m) => (m.event as Msg).e === "eventStreamTerminated"), "terminated");
    expect(end.subscriptionId).toBe(0);
    expect(typeof (end.event as Msg).E).toBe("number");
    marketEvents.emit("order-changed", { portfolioId: "ur", orderId: "after" });
    marketEvents.emit("order-changed", { portfolioId: "us", orderId: "other" });
    await waitFor(async () => c.events().length === 3, "the other account's events");
    expect(c.events().filter((m) => m.subscriptionId === 0)).toHaveLength(1);
    expect(await c.request(3, "session.subscriptions")).toMatchObject({ result: [{ subscriptionId: 1 }] });
    c.ws.close();
  });

  it("finds keys revoked elsewhere on its periodic re-check", async () => {
    await withServer({ recheckMs: 50 }, async (u) => {
      const c = await connect(u);
      await c.request(1, "userDataStream.subscribe.signature", { apiKey: "key-uq-1" });
      revoked.add("uq-1");
      await waitFor(async () => c.events().find((m) => (m.event as Msg).e === "eventStreamTerminated"), "terminated by the re-check");
      c.ws.close();
    });
  });

  it("pings every pingMs and drops a socket that stops answering", async () => {
    await withServer({ pingMs: 40, pongTimeoutMs: 200 }, async (u, h) => {
      const c = await connect(u);
      await waitFor(async () => c.pings() >= 2, "pings");
      const silent = new WebSocket(u, { autoPong: false });
      await new Promise((r) => silent.once("open", r));
      const closed = new Promise((r) => silent.once("close", r));
      await closed;
      expect(c.ws.readyState).toBe(WebSocket.OPEN);
      await waitFor(async () => h.clientCount === 1, "the silent socket dropped");
      c.ws.close();
    });
  });

  it("closes on oversized messages and on floods, and caps sockets per address", async () => {
    await withServer({ maxPerIp: 2, maxRequestsPer10s: 10 }, async (u, h) => {
      const a = await connect(u);
      const big = new Promise<number>((r) => a.ws.once("close", (code) => r(code)));
      a.ws.send("x".repeat(20_000));
      expect(await big).toBe(1009);

      const b = await connect(u);
      for (let i = 0; i < 12; i++) b.ws.send(JSON.stringify({ id: i, method: "ping" }));
      await waitFor(async () => b.got.length === 12, "answers");
      expect(b.got.filter((m) => m.status === 429).length).toBeGreaterThan(0);
      expect(b.got.find((m) => m.status === 429)).toMatchObject({ error: { code: -1003 } });
      const flooded = new Promise<number>((r) => b.ws.once("close", (code) => r(code)));
      for (let i = 0; i < 30; i++) b.ws.send(JSON.stringify({ id: i, method: "ping" }));
      expect(await flooded).toBe(1008);

      await waitFor(async () => h.clientCount === 0, "cleanup");
      const c = await connect(u);
      const d = await connect(u);
      const refused = await new Promise<number>((resolve) => {
        const e = new WebSocket(u);
        e.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        e.on("error", () => undefined);
      });
      expect(refused).toBe(429);
      c.ws.close();
      d.ws.close();
    });
  });

  it("leaves other upgrade paths alone", async () => {
    await expect(connect(url.replace("/ws-api/v3", "/ws-api/v4"))).rejects.toThrow();
  });
});
