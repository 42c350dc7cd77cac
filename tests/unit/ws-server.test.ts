import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { marketEvents } from "@/lib/market/events";
import { PAIRS } from "@/lib/markets";
import { priceStore } from "@/lib/market/price-store";
import { messageText } from "@/lib/market/ws-message-text";
import { attachWebSocketServer, SESSION_ENDED, type WsServerOptions } from "@/lib/realtime/ws-server";
import { waitFor } from "../support/wait-for";

let server: http.Server;
let handle: ReturnType<typeof attachWebSocketServer>;
let base: string;
const otherUpgrades: string[] = [];

// A client that records what it receives.
async function connect(path = "/ws", headers: Record<string, string> = {}, url = base) {
  const ws = new WebSocket(`${url}${path}`, { headers });
  const got: Record<string, unknown>[] = [];
  ws.on("message", (m) => got.push(JSON.parse(messageText(m)) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return { ws, got, send: (m: unknown) => ws.send(JSON.stringify(m)) };
}

const tick = (symbol: string, price: number) =>
  marketEvents.emit("tick", { symbol, price, tradeId: String(Math.floor(price)), time: Date.now(), source: "binance" });

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end("ok"));
  // stands for Next.js's own upgrade listener (dev hot reload): /ws must be left to us, the rest to it
  server.on("upgrade", (req, socket) => {
    if (req.url?.startsWith("/_next/")) {
      otherUpgrades.push(req.url);
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
    }
  });
  handle = attachWebSocketServer(server, {
    authenticate: async (token) => (token === "token-u1" ? { userId: "u1", portfolioId: "u1", familyId: "f1" } : token === "token-u2" ? { userId: "u2", portfolioId: "u2", familyId: "f2" } : null),
    authenticateCookie: async (cookie) => (cookie.includes("session=u2") ? { userId: "u2", portfolioId: "u2", familyId: "f2-cookie" } : null),
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await handle.close();
  await new Promise((r) => server.close(r));
});

describe("/ws server", () => {
  it("sends ticks of subscribed pairs only", async () => {
    const c = await connect();
    c.send({ type: "subscribe", symbols: ["btcusdt"] });
    await waitFor(async () => c.got.find((m) => m.type === "subscribed"), "subscribed");
    tick("ETHUSDT", 3000);
    tick("BTCUSDT", 90000.5);
    await waitFor(async () => c.got.find((m) => m.type === "tick"), "tick");
    const ticks = c.got.filter((m) => m.type === "tick");
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ type: "tick", symbol: "BTCUSDT", price: 90000.5, tradeId: "90000", source: "binance" });
    expect(typeof ticks[0]!.time).toBe("number");
    c.send({ type: "unsubscribe", symbols: ["BTCUSDT"] });
    await waitFor(async () => c.got.find((m) => m.type === "unsubscribed"), "unsubscribed");
    tick("BTCUSDT", 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.got.filter((m) => m.type === "tick")).toHaveLength(1);
    c.ws.close();
  });

  it("says on connect and on every change whether the server judges prices stale", async () => {
    priceStore.clear();
    const c = await connect();
    await waitFor(async () => c.got.find((m) => m.type === "market"), "market status");
    expect(c.got.find((m) => m.type === "market")).toMatchObject({ type: "market", stale: true });
    // The feed comes up and every pair trades: no longer stale, pushed without any request.
    priceStore.feedSource = "binance";
    priceStore.setConnected(true);
    const now = Date.now();
    for (const p of PAIRS) priceStore.recordTrade({ symbol: p.symbol, price: 100n, qty: 1, tradeId: "1", time: now, receivedAt: now }, "binance");
    await waitFor(async () => c.got.find((m) => m.type === "market" && m.stale === false), "fresh status", 5000);
    // The feed drops: stale again.
    priceStore.setConnected(false);
    await waitFor(async () => c.got.filter((m) => m.type === "market").at(-1)?.stale === true, "stale status", 5000);
    priceStore.clear();
    c.ws.close();
  });

  it("sends 24 h stats to subscribers", async () => {
    const c = await connect();
    c.send({ type: "subscribe", symbols: ["*"] });
    await waitFor(async () => c.got.find((m) => m.type === "subscribed"), "subscribed");
    marketEvents.emit("ticker", { symbol: "LTCBTC", price: 0.001, open: 0.0009, high: 0.0011, low: 0.0008, volume: 5, quoteVolume: 0.005, change_pct_24h: 11.11, time: 1, source: "binance" });
    const t = await waitFor(async () => c.got.find((m) => m.type === "ticker"), "ticker");
    expect(t).toMatchObject({ symbol: "LTCBTC", change_pct_24h: 11.11 });
    c.ws.close();
  });

  it("tells a user about their own fills only, after token auth", async () => {
    const a = await connect();
    const b = await connect();
    a.send({ type: "auth", token: "token-u1" });
    b.send({ type: "auth", token: "nope" });
    await waitFor(async () => a.got.find((m) => m.type === "authenticated"), "auth");
    await waitFor(async () => b.got.find((m) => m.type === "error"), "auth refused");
    marketEvents.emit("fill", { portfolioId: "u2", orderId: "o-other", outcome: "FILLED" });
    marketEvents.emit("fill", { portfolioId: "u1", orderId: "o1", outcome: "REJECTED" });
    await waitFor(async () => a.got.find((m) => m.type === "fill"), "fill");
    await new Promise((r) => setTimeout(r, 50));
    expect(a.got.filter((m) => m.type === "fill")).toEqual([{ type: "fill", orderId: "o1", outcome: "REJECTED" }]);
    expect(b.got.filter((m) => m.type === "fill")).toEqual([]);
    a.ws.close();
    b.ws.close();
  });

  it("authenticates a same-origin browser by its session cookie, never a cross-site one", async () => {
    const host = base.replace("ws://", "");
    const same = await connect("/ws", { cookie: "session=u2", origin: `http://${host}` });
    const cross = await connect("/ws", { cookie: "session=u2", origin: "https://evil.example" });
    await waitFor(async () => same.got.find((m) => m.type === "authenticated"), "cookie auth");
    marketEvents.emit("fill", { portfolioId: "u2", orderId: "o2", outcome: "FILLED" });
    await waitFor(async () => same.got.find((m) => m.type === "fill"), "fill");
    await new Promise((r) => setTimeout(r, 50));
    // the cross-site socket hears the public market status only, nothing of the user's
    expect(cross.got.filter((m) => m.type !== "market")).toEqual([]);
    same.ws.close();
    cross.ws.close();
  });

  it("leaves other upgrade paths alone", async () => {
    await expect(connect("/_next/webpack-hmr")).rejects.toThrow();
    expect(otherUpgrades).toEqual(["/_next/webpack-hmr"]);
  });

  it("answers bad messages with an error and closes on oversized ones", async () => {
    const c = await connect();
    c.ws.send("{not json");
    c.send({ type: "subscribe", symbols: ["DOGEUSDT"] });
    c.send({ type: "dance" });
    await waitFor(async () => c.got.filter((m) => m.type === "error").length === 3, "errors");
    const closed = new Promise<number>((r) => c.ws.once("close", (code) => r(code)));
    c.ws.send("x".repeat(10_000));
    expect(await closed).toBe(1009);
    await waitFor(async () => handle.clientCount === 0, "cleanup");
  });
});

// A second server with its own options (small caps, a re-check), for the limits.
async function withServer(options: Partial<WsServerOptions>, run: (url: string, h: ReturnType<typeof attachWebSocketServer>) => Promise<void>) {
  const srv = http.createServer((_req, res) => res.end("ok"));
  const h = attachWebSocketServer(srv, {
    authenticate: async (token) => (token.startsWith("token-") ? { userId: token.split("-")[1] ?? "", portfolioId: token.split("-")[1] ?? "", familyId: token } : null),
    recheckMs: 0,
    ...options,
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  try {
    await run(`ws://127.0.0.1:${(srv.address() as AddressInfo).port}`, h);
  } finally {
    await h.close();
    await new Promise((r) => srv.close(r));
  }
}

const closeCode = (ws: WebSocket) => new Promise<number>((r) => ws.once("close", (code) => r(code)));
const refusedStatus = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(`${url}/ws`);
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("open", () => reject(new Error("accepted")));
    ws.once("error", () => undefined);
  });

describe("/ws limits", () => {
  it("refuses upgrades beyond the per-address cap with 429 and beyond the total with 503, and frees places on close", async () => {
    await withServer({ maxPerIp: 3, maxClients: 10 }, async (url) => {
      const open = await Promise.all([1, 2, 3].map(() => connect("/ws", {}, url)));
      expect(await refusedStatus(url)).toBe(429);
      open[0]!.ws.close();
      await waitFor(async () => {
        const c = await connect("/ws", {}, url).catch(() => null);
        if (c) open.push(c);
        return c !== null;
      }, "a freed place");
      for (const c of open) c.ws.close();
    });
    await withServer({ maxPerIp: 0, maxClients: 2 }, async (url) => {
      const open = await Promise.all([1, 2].map(() => connect("/ws", {}, url)));
      expect(await refusedStatus(url)).toBe(503);
      for (const c of open) c.ws.close();
    });
  });

  it("closes a user's socket beyond the per-user cap (1008) and keeps the others", async () => {
    await withServer({ maxPerUser: 2 }, async (url) => {
      const socks = await Promise.all([1, 2, 3].map(() => connect("/ws", {}, url)));
      for (const s of socks.slice(0, 2)) {
        s.send({ type: "auth", token: "token-u7" });
        await waitFor(async () => s.got.find((m) => m.type === "authenticated"), "auth");
      }
      const closed = closeCode(socks[2]!.ws);
      socks[2]!.send({ type: "auth", token: "token-u7" });
      expect(await closed).toBe(1008);
      marketEvents.emit("fill", { portfolioId: "u7", orderId: "o7", outcome: "FILLED" });
      for (const s of socks.slice(0, 2)) await waitFor(async () => s.got.find((m) => m.type === "fill"), "fill to the kept sockets");
      for (const s of socks) s.ws.close();
    });
  });

  it("closes sockets of revoked logins at once on the in-process event: one family, or all but one", async () => {
    await withServer({}, async (url) => {
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => connect("/ws", {}, url)));
      a!.send({ type: "auth", token: "token-u8-a" });
      b!.send({ type: "auth", token: "token-u8-b" });
      c!.send({ type: "auth", token: "token-u8-c" });
      for (const s of [a!, b!, c!]) await waitFor(async () => s.got.find((m) => m.type === "authenticated"), "auth");
      const aClosed = closeCode(a!.ws);
      marketEvents.emit("sessions-revoked", { userId: "u8", familyId: "token-u8-a" });
      expect(await aClosed).toBe(SESSION_ENDED);
      const bClosed = closeCode(b!.ws);
      marketEvents.emit("sessions-revoked", { userId: "u8", exceptFamilyId: "token-u8-c" });
      expect(await bClosed).toBe(SESSION_ENDED);
      marketEvents.emit("fill", { portfolioId: "u8", orderId: "o8", outcome: "FILLED" });
      await waitFor(async () => c!.got.find((m) => m.type === "fill"), "the kept login still hears its fills");
      c!.ws.close();
    });
  });

  it("closes a socket whose login a periodic re-check finds revoked (another process revoked it)", async () => {
    const revoked = new Set<string>();
    await withServer({ recheckMs: 50, isLive: async (u) => !revoked.has(u.familyId) }, async (url) => {
      const s = await connect("/ws", {}, url);
      s.send({ type: "auth", token: "token-u9" });
      await waitFor(async () => s.got.find((m) => m.type === "authenticated"), "auth");
      const closed = closeCode(s.ws);
      revoked.add("token-u9");
      expect(await closed).toBe(SESSION_ENDED);
    });
  });
});
