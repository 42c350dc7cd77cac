// The app's own websocket (/ws): live ticks and 24 h stats per subscribed pair, and fill notices to the
// signed-in user's sockets. Attached to the custom server's HTTP server in noServer mode and handling
// only /ws upgrades: Next.js adds its own upgrade listener (dev hot reload) for the other paths.
// Capped: sockets in all (WS_MAX_CONNECTIONS), per address (WS_MAX_PER_IP) and per user (WS_MAX_PER_USER);
// a tick is serialised once for all its subscribers. A signed-in socket closes (4401) as soon as its login
// ends: at once on the "sessions-revoked" event (from this process, or from another through the event relay),
// and within WS_RECHECK_MS in any case (a periodic check of every socket's token family, the safety net).
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { findPair, PAIRS } from "@/lib/markets";
import { unitsToNumber } from "@/lib/money";
import { env } from "@/lib/env";
import { marketEvents, type FillEvent, type OrderChangedEvent, type SessionsRevokedEvent, type TickerEvent, type TickEvent } from "@/lib/market/events";
import { priceStore } from "@/lib/market/price-store";
import { messageText } from "@/lib/market/ws-message-text";
import { every, heartbeat, shutDown, upgradePath } from "./socket-upkeep";
import { upgradeGate } from "./upgrade-gate";

export interface WsUser {
  userId: string;
  /** the portfolio whose fills and orders the socket receives (the user's main one unless chosen) */
  portfolioId: string;
  /** the login (token family) the socket was authenticated with */
  familyId: string;
}

export interface WsAuth {
  /** verifies an access JWT sent as {"type":"auth","token","portfolio"?}; null also for a portfolio not the user's */
  authenticate(token: string, portfolio?: string): Promise<WsUser | null>;
  /** verifies the browser session from the upgrade request's Cookie header */
  authenticateCookie?(cookieHeader: string): Promise<WsUser | null>;
  /** whether the login is still alive (not signed out, no password change or reset since) */
  isLive?(user: WsUser): Promise<boolean>;
  /** the user's order as the native API presents it, for {"type":"order"} messages */
  loadOrder?(portfolioId: string, orderId: string): Promise<object | null>;
}

export interface WsServerOptions extends WsAuth {
  path?: string;
  heartbeatMs?: number;
  /** largest client message accepted, in bytes */
  maxPayload?: number;
  /** caps on open sockets (0 = none); default from the environment */
  maxClients?: number;
  maxPerIp?: number;
  maxPerUser?: number;
  /** how often every signed-in socket's login is checked against the database (0 = never) */
  recheckMs?: number;
}

interface Client {
  ws: WebSocket;
  symbols: Set<string>;
  all: boolean;
  userId: string | null;
  portfolioId: string | null;
  familyId: string | null;
  alive: boolean;
  authAttempts: number;
}

/** A slow client's queue beyond this is not fed more ticks (they are replaced by the next anyway). */
const MAX_BUFFERED = 1 << 20;
const MAX_AUTH_ATTEMPTS = 5;
/** The close code of a socket whose login ended. */
export const SESSION_ENDED = 4401;

// The browser's Origin must be this server's own or the app's (APP_URL: its pages connect to a worker's /ws
// in the Vercel shape) for cookie auth: no cross-site hijacking of a session.
function trustedOrigin(req: IncomingMessage, appOrigin: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const u = new URL(origin);
    return u.host === req.headers.host || u.origin === appOrigin;
  } catch {
    return false;
  }
}

// Attaches the /ws endpoint to an HTTP server; returns a handle to count clients and to close it.
export function attachWebSocketServer(httpServer: Server, options: WsServerOptions) {
  const path = options.path ?? "/ws";
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 4096 });
  const maxClients = options.maxClients ?? env.WS_MAX_CONNECTIONS;
  const maxPerIp = options.maxPerIp ?? env.WS_MAX_PER_IP;
  const maxPerUser = options.maxPerUser ?? env.WS_MAX_PER_USER;
  const appOrigin = new URL(env.APP_URL).origin;
  const clients = new Set<Client>();
  const byUser = new Map<string, Set<Client>>();
  /** portfolioId -> its sockets: fills and order changes go only to the portfolio's own sockets */
  const byPortfolio = new Map<string, Set<Client>>();
  const gate = upgradeGate({ maxClients, maxPerIp, refusalBody: (message) => JSON.stringify({ code: "RATE_LIMITED", message }) });

  // `text`: the message already serialised (one JSON.stringify for all subscribers of a tick).
  const sendText = (c: Client, text: string, droppable: boolean) => {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    if (droppable && c.ws.bufferedAmount > MAX_BUFFERED) return;
    c.ws.send(text);
  };
  const send = (c: Client, msg: unknown, droppable: boolean) => sendText(c, JSON.stringify(msg), droppable);

  const dropUser = (c: Client) => {
    if (!c.userId) return;
    const set = byUser.get(c.userId);
    set?.delete(c);
    if (set && set.size === 0) byUser.delete(c.userId);
    if (c.portfolioId) {
      const mine = byPortfolio.get(c.portfolioId);
      mine?.delete(c);
      if (mine && mine.size === 0) byPortfolio.delete(c.portfolioId);
    }
    c.userId = c.familyId = c.portfolioId = null;
  };

  const setUser = (c: Client, who: WsUser): boolean => {
    dropUser(c);
    let set = byUser.get(who.userId);
    if (maxPerUser > 0 && (set?.size ?? 0) >= maxPerUser) {
      c.ws.close(1008, "too many sockets for this user");
      return false;
    }
    c.userId = who.userId;
    c.familyId = who.familyId;
    if (!set) byUser.set(who.userId, (set = new Set()));
    set.add(c);
    c.portfolioId = who.portfolioId;
    let mine = byPortfolio.get(who.portfolioId);
    if (!mine) byPortfolio.set(who.portfolioId, (mine = new Set()));
    mine.add(c);
    return true;
  };

  const endSession = (c: Client) => {
    dropUser(c);
    c.ws.close(SESSION_ENDED, "session ended");
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = upgradePath(req);
    if (pathname === null) return;
    if (pathname !== path) return; // not ours: Next.js (HMR), /ws-api/v3, or nobody handles it
    if (!gate.admit(req, socket)) return;
    wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, req));
  };

  const accept = async (ws: WebSocket, req: IncomingMessage) => {
    const c: Client = { ws, symbols: new Set(), all: false, userId: null, portfolioId: null, familyId: null, alive: true, authAttempts: 0 };
    clients.add(c);
    ws.on("pong", () => (c.alive = true));
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      clients.delete(c);
      dropUser(c);
    });
    ws.on("message", (raw, isBinary) => void onMessage(c, isBinary ? "" : messageText(raw)));
    sendText(c, marketMessage(), false);
    const cookie = req.headers.cookie;
    if (cookie && options.authenticateCookie && trustedOrigin(req, appOrigin)) {
      const who = await options.authenticateCookie(cookie).catch(() => null);
      if (who && ws.readyState === WebSocket.OPEN && setUser(c, who)) send(c, { type: "authenticated" }, false);
    }
  };

  // {"type":"market","stale"}: whether no pair has a fresh price (the server's judgement, price-freshness.ts),
  // sent on connect and whenever it changes, so the browser's banner needs no threshold of its own.
  const marketStale = () => PAIRS.every((p) => priceStore.isStale(priceStore.get(p.symbol)));
  let lastStale = marketStale();
  const marketMessage = () => JSON.stringify({ type: "market", stale: lastStale, source: priceStore.feedSource });
  const stopStaleWatch = every(1000, () => {
    const stale = marketStale();
    if (stale === lastStale) return;
    lastStale = stale;
    const text = marketMessage();
    for (const c of clients) sendText(c, text, false);
  });

  const snapshot = (c: Client, symbol: string) => {
    const q = priceStore.get(symbol);
    if (!q) return;
    send(c, { type: "tick", symbol, price: unitsToNumber(q.price), tradeId: q.tradeId, time: q.time, source: q.source, stale: priceStore.isStale(q) }, true);
  };

  const onMessage = async (c: Client, text: string) => {
    let msg: { type?: unknown; symbols?: unknown; token?: unknown; portfolio?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return send(c, { type: "error", message: "messages must be JSON" }, false);
    }
    if (typeof msg !== "object" || msg === null) return send(c, { type: "error", message: "messages must be JSON objects" }, false);
    if (msg.type === "subscribe" || msg.type === "unsubscribe") {
      if (!Array.isArray(msg.symbols) || msg.symbols.length > PAIRS.length + 1) {
        return send(c, { type: "error", message: "symbols must be a list of pairs" }, false);
      }
      const symbols: string[] = [];
      for (const s of msg.symbols) {
        if (s === "*") {
          c.all = msg.type === "subscribe";
          continue;
        }
        const pair = typeof s === "string" ? findPair(s) : undefined;
        if (!pair) return send(c, { type: "error", message: `unknown pair ${String(s).slice(0, 20)}` }, false);
        symbols.push(pair.symbol);
      }
      for (const s of symbols) {
        if (msg.type === "subscribe") c.symbols.add(s);
        else c.symbols.delete(s);
      }
      send(c, { type: `${msg.type}d`, symbols: c.all ? ["*"] : [...c.symbols] }, false);
      if (msg.type === "subscribe") for (const s of c.all ? PAIRS.map((p) => p.symbol) : symbols) snapshot(c, s);
      return;
    }
    if (msg.type === "auth") {
      if (typeof msg.token !== "string" || msg.token.length > 4096) return send(c, { type: "error", message: "token must be a string" }, false);
      if (msg.portfolio !== undefined && (typeof msg.portfolio !== "string" || msg.portfolio.length > 64)) {
        return send(c, { type: "error", message: "portfolio must be a portfolio id" }, false);
      }
      if (++c.authAttempts > MAX_AUTH_ATTEMPTS) return c.ws.close(1008, "too many auth attempts");
      const who = await options.authenticate(msg.token, msg.portfolio).catch(() => null);
      if (!who) return send(c, { type: "error", code: "UNAUTHENTICATED", message: "invalid or expired token" }, false);
      if (c.ws.readyState === WebSocket.OPEN && setUser(c, who)) send(c, { type: "authenticated" }, false);
      return;
    }
    if (msg.type === "ping") return send(c, { type: "pong" }, false);
    send(c, { type: "error", message: "unknown message type" }, false);
  };

  const wants = (c: Client, symbol: string) => c.all || c.symbols.has(symbol);
  const unsubscribe = [
    marketEvents.on("tick", (e: TickEvent) => {
      const text = JSON.stringify({ type: "tick", ...e });
      for (const c of clients) if (wants(c, e.symbol)) sendText(c, text, true);
    }),
    marketEvents.on("ticker", (e: TickerEvent) => {
      const text = JSON.stringify({ type: "ticker", ...e });
      for (const c of clients) if (wants(c, e.symbol)) sendText(c, text, true);
    }),
    // The replay's clock goes to every socket: the header shows it on every page.
    marketEvents.on("replay", (e) => {
      const text = JSON.stringify({ type: "replay", time: e.time, speed: e.speed, paused: e.paused, ended: e.ended });
      for (const c of clients) sendText(c, text, true);
    }),
    marketEvents.on("fill", (e: FillEvent) => {
      const text = JSON.stringify({ type: "fill", orderId: e.orderId, outcome: e.outcome });
      for (const c of byPortfolio.get(e.portfolioId) ?? []) sendText(c, text, false);
    }),
    // Revoked in this process: close at once, before any further fill of that user goes out.
    marketEvents.on("sessions-revoked", (e: SessionsRevokedEvent) => {
      for (const c of [...(byUser.get(e.userId) ?? [])]) {
        if (e.familyId !== undefined ? c.familyId === e.familyId : c.familyId !== e.exceptFamilyId) endSession(c);
      }
    }),
    marketEvents.on("order-changed", (e: OrderChangedEvent) => {
      const sockets = byPortfolio.get(e.portfolioId);
      if (!sockets?.size || !options.loadOrder) return;
      void options.loadOrder(e.portfolioId, e.orderId).then(
        (order) => {
          if (order) for (const c of byPortfolio.get(e.portfolioId) ?? []) send(c, { type: "order", order }, false);
        },
        () => undefined,
      );
    }),
  ];

  // Revoked elsewhere (another app process, the worker): every signed-in socket's login is looked up again.
  let checking = false;
  const recheck = async () => {
    if (checking || !options.isLive) return;
    checking = true;
    try {
      const live = new Map<string, Promise<boolean>>();
      for (const c of [...clients]) {
        if (!c.userId || !c.familyId) continue;
        const who = { userId: c.userId, portfolioId: c.portfolioId ?? c.userId, familyId: c.familyId };
        const key = `${who.userId}:${who.familyId}`;
        if (!live.has(key)) live.set(key, options.isLive(who).catch(() => true)); // a database hiccup is not a logout
        if (!(await live.get(key)) && c.familyId === who.familyId) endSession(c);
      }
    } finally {
      checking = false;
    }
  };
  const recheckMs = options.recheckMs ?? env.WS_RECHECK_MS;
  const stopRecheck = every(recheckMs, () => void recheck());

  // Heartbeat: a socket that did not answer the previous ping is dead (half-open TCP): drop it.
  const stopHeartbeat = heartbeat(clients, options.heartbeatMs ?? 30_000, (c) => !c.alive, (c) => (c.alive = false));

  httpServer.on("upgrade", onUpgrade);

  return {
    get clientCount(): number {
      return clients.size;
    },
    // Detaches from the HTTP server and closes every socket (going away).
    close: (): Promise<void> => shutDown(httpServer, onUpgrade, wss, clients, [stopHeartbeat, stopStaleWatch, stopRecheck, ...unsubscribe]),
  };
}

export type WebSocketServerHandle = ReturnType<typeof attachWebSocketServer>;
