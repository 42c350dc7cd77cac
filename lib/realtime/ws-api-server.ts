// Binance's WebSocket API at /ws-api/v3, the user data stream part (binance-api.md §10): JSON requests
// {id, method, params} answered {id, status: 200, result} or {id, status, error: {code, msg}}; methods
// ping, time, userDataStream.subscribe.signature, userDataStream.unsubscribe, session.subscriptions.
// A subscription receives {subscriptionId, event} for every change of its account's orders (after the
// change committed: the use cases and the worker announce it on lib/market/events.ts), and
// eventStreamTerminated when its API key is revoked. Beside it the retired listenKey stream, /ws/<listenKey>
// (a listenKey from POST /api/v3/userDataStream): the same events as they are, without the wrapper, and
// listenKeyExpired when the listenKey expires or is closed or its API key is revoked; requests on it are not
// answered. Attached in noServer mode beside /ws, with the same caps (sockets in all and per address), a
// bounded message size, a request rate per socket, and a ping frame every 20 s (a socket silent for a
// minute is dropped), as Binance does.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { env } from "@/lib/env";
import { marketEvents } from "@/lib/market/events";
import { messageText } from "@/lib/market/ws-message-text";
import { BinanceError, binanceErrorBody } from "@/lib/binance/errors";
import { isListenKeyFormat, listenKeyNotFound } from "@/lib/binance/listen-keys/listen-key";
import { every, heartbeat, shutDown, upgradePath } from "./socket-upkeep";
import { upgradeGate } from "./upgrade-gate";

/** Whose events a subscription carries: the account of the API key that signed it. */
export interface StreamKey {
  userId: string;
  /** the portfolio the key is bound to: the events the subscription carries */
  portfolioId: string;
  keyId: string;
}

/** What the endpoint needs from the Binance dialect (wired in server.ts; lib/binance/user-stream/). */
export interface UserStreamSource {
  /** checks userDataStream.subscribe.signature's params (READ key, timing, signature); throws BinanceError */
  subscribe(params: Record<string, unknown>): Promise<StreamKey>;
  /** the events of one change of a user's order, in Binance's shapes and order */
  orderEvents(portfolioId: string, orderId: string): Promise<object[]>;
  /** the events of an account reset (the balances of every coin) */
  resetEvents(portfolioId: string): Promise<object[]>;
  /** whether the key is still active, for revocations announced in no process this one hears */
  isKeyLive?(key: StreamKey): Promise<boolean>;
  /** /ws/<listenKey>: whose stream the listenKey opens, or null (unknown, expired, key revoked) */
  listenKey?(listenKey: string): Promise<ListenKeyStreamKey | null>;
  /** whether a listenKey is still good (not expired, closed or revoked), for the periodic re-check */
  isListenKeyLive?(listenKeyId: string): Promise<boolean>;
}

export interface ListenKeyStreamKey extends StreamKey {
  listenKeyId: string;
}

export interface WsApiServerOptions {
  source: UserStreamSource;
  path?: string;
  pingMs?: number;
  /** a socket that answered no ping for this long is dropped */
  pongTimeoutMs?: number;
  maxPayload?: number;
  maxClients?: number;
  maxPerIp?: number;
  /** how often the keys of open subscriptions are checked (0 = never) */
  recheckMs?: number;
  /** requests a socket may send per 10 s; beyond it they are answered -1003, beyond 3x the socket is closed */
  maxRequestsPer10s?: number;
}

interface Session {
  ws: WebSocket;
  lastPong: number;
  subs: Map<number, StreamKey>;
  nextSubscriptionId: number;
  /** requests in the current 10-second window */
  windowStart: number;
  windowCount: number;
  /** a /ws/<listenKey> socket: its one subscription, events sent unwrapped */
  listenKey?: { key: string; id: string };
}

type RequestId = string | number | null;

const MAX_SUBSCRIPTIONS = 50;
/** A slow reader's queue beyond this gets no more events: the socket is closed (events must not be lost silently). */
const MAX_BUFFERED = 4 << 20;
const LISTEN_KEY_PATH = "/ws/";

const badRequest = (msg: string) => new BinanceError(-1135, msg);
const unknownMethod = () => new BinanceError(-1020, "This operation is not supported.");

// Attaches /ws-api/v3 to an HTTP server; returns a handle to count sockets and to close it.
export function attachWsApiServer(httpServer: Server, options: WsApiServerOptions) {
  const { source } = options;
  const path = options.path ?? "/ws-api/v3";
  const pingMs = options.pingMs ?? 20_000;
  const pongTimeoutMs = options.pongTimeoutMs ?? 60_000;
  const maxRequests = options.maxRequestsPer10s ?? 100;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 8192 });
  const gate = upgradeGate({
    maxClients: options.maxClients ?? env.WS_MAX_CONNECTIONS,
    maxPerIp: options.maxPerIp ?? env.WS_MAX_PER_IP,
    refusalBody: (msg) => JSON.stringify({ code: -1003, msg }),
  });
  const sessions = new Set<Session>();
  /** portfolioId -> the sessions with a subscription to that account */
  const byPortfolio = new Map<string, Set<Session>>();
  /** portfolioId -> the tail of its event chain: one user's events go out in the order their changes were announced */
  const chains = new Map<string, Promise<void>>();

  const sendJson = (s: Session, msg: unknown) => {
    if (s.ws.readyState !== WebSocket.OPEN) return;
    if (s.ws.bufferedAmount > MAX_BUFFERED) return s.ws.close(1008, "too slow to read its events");
    s.ws.send(JSON.stringify(msg));
  };
  const answer = (s: Session, id: RequestId, result: unknown) => sendJson(s, { id, status: 200, result });
  const fail = (s: Session, id: RequestId, e: BinanceError) => sendJson(s, { id, status: e.status, error: binanceErrorBody(e) });

  const subsOfPortfolio = (portfolioId: string) => {
    let set = byPortfolio.get(portfolioId);
    if (!set) byPortfolio.set(portfolioId, (set = new Set()));
    return set;
  };
  const forget = (s: Session, subscriptionId: number) => {
    const key = s.subs.get(subscriptionId);
    if (!key) return;
    s.subs.delete(subscriptionId);
    if ([...s.subs.values()].some((k) => k.portfolioId === key.portfolioId)) return;
    const set = byPortfolio.get(key.portfolioId);
    set?.delete(s);
    if (set?.size === 0) byPortfolio.delete(key.portfolioId);
  };
  const sendEvent = (s: Session, subscriptionId: number, event: object) => sendJson(s, s.listenKey ? event : { subscriptionId, event });
  const terminate = (s: Session, subscriptionId: number) => {
    if (s.listenKey) {
      sendJson(s, { e: "listenKeyExpired", E: Date.now(), listenKey: s.listenKey.key });
      forget(s, subscriptionId);
      return s.ws.close(1000, "listenKey expired");
    }
    sendEvent(s, subscriptionId, { e: "eventStreamTerminated", E: Date.now() });
    forget(s, subscriptionId);
  };

  // One user's events, in announcement order; loaded once for all that user's subscriptions.
  const deliver = (portfolioId: string, load: () => Promise<object[]>) => {
    if (!byPortfolio.has(portfolioId)) return;
    const run = async () => {
      let events: object[];
      try {
        events = await load();
      } catch (e) {
        console.error("user data stream: loading events failed:", e instanceof Error ? e.message : e);
        return;
      }
      for (const s of byPortfolio.get(portfolioId) ?? []) {
        for (const [subscriptionId, key] of s.subs) {
          if (key.portfolioId !== portfolioId) continue;
          for (const event of events) sendEvent(s, subscriptionId, event);
        }
      }
    };
    const tail = (chains.get(portfolioId) ?? Promise.resolve()).then(run);
    chains.set(portfolioId, tail);
    void tail.then(() => {
      if (chains.get(portfolioId) === tail) chains.delete(portfolioId);
    });
  };

  const methods: Record<string, (s: Session, params: Record<string, unknown>) => unknown> = {
    ping: () => ({}),
    time: () => ({ serverTime: Date.now() }),
    "session.subscriptions": (s) => [...s.subs.keys()].map((subscriptionId) => ({ subscriptionId })),
    "userDataStream.subscribe.signature": async (s, params) => {
      const key = await source.subscribe(params);
      if (s.ws.readyState !== WebSocket.OPEN) return {};
      if ([...s.subs.values()].some((k) => k.portfolioId === key.portfolioId)) throw new BinanceError(-2035, "User Data Stream subscription already active.");
      if (s.subs.size >= MAX_SUBSCRIPTIONS) throw new BinanceError(-1003, "Too many User Data Stream subscriptions on this connection.");
      const subscriptionId = s.nextSubscriptionId++;
      s.subs.set(subscriptionId, key);
      subsOfPortfolio(key.portfolioId).add(s);
      return { subscriptionId };
    },
    "userDataStream.unsubscribe": (s, params) => {
      const raw = params.subscriptionId;
      if (raw === undefined) {
        for (const id of [...s.subs.keys()]) forget(s, id);
        return {};
      }
      const id = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(id)) throw new BinanceError(-1100, "Illegal characters found in parameter 'subscriptionId'; legal range is '^[0-9]{1,9}$'.");
      if (!s.subs.has(id)) throw new BinanceError(-2036, "User Data Stream subscription not found.");
      forget(s, id);
      return {};
    },
  };

  const onMessage = async (s: Session, text: string) => {
    const now = Date.now();
    if (now - s.windowStart >= 10_000) {
      s.windowStart = now;
      s.windowCount = 0;
    }
    if (++s.windowCount > 3 * maxRequests) return s.ws.close(1008, "too many requests");
    if (s.listenKey) return; // a listenKey stream carries events only
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return fail(s, null, badRequest("Invalid JSON request."));
    }
    if (typeof msg !== "object" || msg === null || Array.isArray(msg)) return fail(s, null, badRequest("Invalid JSON request; expected an object."));
    const { id, method, params = {} } = msg as { id?: unknown; method?: unknown; params?: unknown };
    const validId = id === null || (typeof id === "number" && Number.isSafeInteger(id)) || (typeof id === "string" && id.length <= 36);
    if (!validId) return fail(s, null, badRequest("Invalid 'id' in JSON request; expected an integer or a string of at most 36 characters."));
    const rid = id;
    if (s.windowCount > maxRequests) return fail(s, rid, new BinanceError(-1003, "Too many requests; please slow down.", 429));
    if (typeof method !== "string") return fail(s, rid, badRequest("Invalid 'method' in JSON request; expected a string."));
    if (typeof params !== "object" || params === null || Array.isArray(params)) return fail(s, rid, badRequest("Invalid 'params' in JSON request; expected an object."));
    const run = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!run) return fail(s, rid, unknownMethod());
    try {
      answer(s, rid, await run(s, params as Record<string, unknown>));
    } catch (e) {
      if (e instanceof BinanceError) return fail(s, rid, e);
      console.error(`ws-api ${method} failed:`, e instanceof Error ? e.message : e);
      fail(s, rid, new BinanceError(-1000, "An unknown error occurred while processing the request.", 500));
    }
  };

  const accept = (ws: WebSocket, listenKey?: { key: string; stream: ListenKeyStreamKey }) => {
    const s: Session = { ws, lastPong: Date.now(), subs: new Map(), nextSubscriptionId: 0, windowStart: 0, windowCount: 0 };
    sessions.add(s);
    if (listenKey) {
      const { listenKeyId, ...key } = listenKey.stream;
      s.listenKey = { key: listenKey.key, id: listenKeyId };
      s.subs.set(s.nextSubscriptionId++, key);
      subsOfPortfolio(key.portfolioId).add(s);
    }
    ws.on("pong", () => (s.lastPong = Date.now()));
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      sessions.delete(s);
      for (const id of [...s.subs.keys()]) forget(s, id);
    });
    ws.on("message", (raw, isBinary) => {
      if (isBinary) return fail(s, null, badRequest("Requests must be JSON text frames."));
      void onMessage(s, messageText(raw));
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = upgradePath(req);
    if (pathname === null) return;
    if (pathname.startsWith(LISTEN_KEY_PATH) && source.listenKey) return upgradeListenKey(req, socket, head, pathname.slice(LISTEN_KEY_PATH.length));
    if (pathname !== path) return; // not ours: /ws, Next.js (HMR), or nobody handles it
    if (!gate.admit(req, socket)) return;
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  };

  const noListenKey = JSON.stringify(binanceErrorBody(listenKeyNotFound()));
  const upgradeListenKey = (req: IncomingMessage, socket: Duplex, head: Buffer, key: string) => {
    if (!gate.admit(req, socket)) return;
    if (!isListenKeyFormat(key)) return gate.reject(socket, "400 Bad Request", noListenKey);
    source.listenKey!(key).then(
      (stream) => {
        if (socket.destroyed) return;
        if (!stream) return gate.reject(socket, "400 Bad Request", noListenKey);
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws, { key, stream }));
      },
      (e: unknown) => {
        console.error("listenKey stream: lookup failed:", e instanceof Error ? e.message : e);
        gate.reject(socket, "503 Service Unavailable", JSON.stringify({ code: -1000, msg: "An unknown error occurred while processing the request." }));
      },
    );
  };

  const unsubscribe = [
    marketEvents.on("order-changed", (e) => {
      if (!e.triggerMoved) deliver(e.portfolioId, () => source.orderEvents(e.portfolioId, e.orderId));
    }),
    marketEvents.on("account-reset", (e) => deliver(e.portfolioId, () => source.resetEvents(e.portfolioId))),
    // A revoked key's subscriptions end at once (binance-api.md §2: "streams end").
    marketEvents.on("api-key-revoked", (e) => {
      for (const s of [...sessions]) {
        for (const [id, key] of [...s.subs]) if (key.keyId === e.keyId) terminate(s, id);
      }
    }),
    marketEvents.on("listen-key-closed", (e) => {
      for (const s of [...sessions]) if (s.listenKey?.id === e.listenKeyId) for (const id of [...s.subs.keys()]) terminate(s, id);
    }),
  ];

  // Revoked (or, for a listenKey, expired or closed) where this process did not hear it: every subscribed
  // key is looked up again, once per key per round.
  let checking = false;
  const recheck = async () => {
    if (checking) return;
    checking = true;
    try {
      const live = new Map<string, Promise<boolean>>();
      // a database hiccup is not a revocation
      const once = (id: string, check: () => Promise<boolean>) => live.get(id) ?? live.set(id, check().catch(() => true)).get(id)!;
      for (const s of [...sessions]) {
        const lk = s.listenKey;
        for (const [id, key] of [...s.subs]) {
          const check = lk ? source.isListenKeyLive && (() => source.isListenKeyLive!(lk.id)) : source.isKeyLive && (() => source.isKeyLive!(key));
          if (check && !(await once(lk ? `listenKey ${lk.id}` : key.keyId, check)) && s.subs.get(id) === key) terminate(s, id);
        }
      }
    } finally {
      checking = false;
    }
  };
  const recheckMs = options.recheckMs ?? env.WS_RECHECK_MS;
  const stopRecheck = every(recheckMs, () => void recheck());

  const stopHeartbeat = heartbeat(sessions, pingMs, (s) => Date.now() - s.lastPong > pongTimeoutMs);

  httpServer.on("upgrade", onUpgrade);

  return {
    get clientCount(): number {
      return sessions.size;
    },
    // Detaches from the HTTP server and closes every socket (going away).
    close: (): Promise<void> => shutDown(httpServer, onUpgrade, wss, sessions, [stopHeartbeat, stopRecheck, ...unsubscribe]),
  };
}

export type WsApiServerHandle = ReturnType<typeof attachWsApiServer>;
