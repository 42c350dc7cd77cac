// One request must never freeze the server, and no session may be sidestepped — measured black-box on the
// real server: a chunked body is cut off at the limit, trickled requests are closed at their timeout, /ws
// sockets are capped per address and per user (while /api/health stays fast), revoked logins lose their
// /ws sockets at once (also on a separate worker process), and a revoked browser session is no session.
import http from "node:http";
import net from "node:net";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { freePort, spawnServer, startTestServer, stopChild, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;
let live: ReturnType<typeof keepMarketLive>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  // Short request timeouts so a trickle is cut off quickly; the periodic /ws re-check is off in the app
  // (WS_RECHECK_MS=0) so that closing on logout there proves the in-process path.
  server = await startTestServer({ HTTP_REQUEST_TIMEOUT_MS: "3000", HTTP_HEADERS_TIMEOUT_MS: "2000", WS_RECHECK_MS: "0" });
  api = apiClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
  live = keepMarketLive(server, "BTCUSDT", "90000", 300);
});
afterAll(async () => {
  live?.stop();
  await server?.close();
});

/** Runs `work` while polling GET /api/health every 100 ms; returns its result and the slowest health answer. */
async function withHealthWatch<T>(work: () => Promise<T>): Promise<{ result: T; slowestHealthMs: number }> {
  let done = false;
  let slowest = 0;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      const r = await fetch(`${server.url}/api/health`);
      await r.text();
      slowest = Math.max(slowest, performance.now() - t);
      await sleep(100);
    }
  })();
  try {
    return { result: await work(), slowestHealthMs: slowest };
  } finally {
    done = true;
    await poll;
  }
}

interface Socket {
  ws: WebSocket;
  got: Record<string, unknown>[];
  closed: Promise<number>;
}

/** Opens a /ws socket (optionally with a token or a Cookie header); rejects when the upgrade is refused. */
function openSocket(base: string, opts: { token?: string; cookie?: string } = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = opts.cookie ? { cookie: opts.cookie, origin: base } : {};
    const ws = new WebSocket(`${base.replace("http", "ws")}/ws`, { headers });
    const got: Record<string, unknown>[] = [];
    const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
    ws.on("message", (m: Buffer) => got.push(JSON.parse(m.toString()) as Record<string, unknown>));
    ws.once("open", () => {
      if (opts.token) ws.send(JSON.stringify({ type: "auth", token: opts.token }));
      ws.send(JSON.stringify({ type: "subscribe", symbols: ["BTCUSDT"] }));
      resolve({ ws, got, closed });
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

const authenticated = (s: Socket, what: string) => waitFor(async () => s.got.some((m) => m.type === "authenticated"), what);
const closesWithin = async (s: Socket, ms: number) => Promise.race([s.closed, sleep(ms).then(() => "still open" as const)]);

async function closeAll(sockets: Socket[]): Promise<void> {
  for (const s of sockets) s.ws.terminate();
  await Promise.all(sockets.map((s) => s.closed));
  await sleep(200); // the server sees the TCP closes
}

describe("request bodies", () => {
  it("answers a 200 MB chunked body with 413 after reading at most a few MB, and closes the connection", async () => {
    const total = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const { result, slowestHealthMs } = await withHealthWatch(
      () =>
        new Promise<{ status: number; body: string; writtenAtAnswer: number; socketClosed: Promise<void> }>((resolve, reject) => {
          const req = http.request(`${server.url}/api/register`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } });
          let written = 0;
          let answered = false;
          const socketClosed = new Promise<void>((r) => req.once("socket", (s) => s.once("close", () => r())));
          req.on("response", (res) => {
            answered = true;
            const writtenAtAnswer = written;
            let body = "";
            res.on("data", (d: Buffer) => (body += d.toString()));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body, writtenAtAnswer, socketClosed }));
            res.on("error", () => resolve({ status: res.statusCode ?? 0, body, writtenAtAnswer, socketClosed }));
          });
          req.on("error", (e) => {
            if (!answered) reject(e);
          });
          void (async () => {
            while (written < total && !answered && !req.destroyed) {
              written += chunk.length;
              if (!req.write(chunk)) {
                await new Promise<void>((r) => {
                  const done = () => {
                    for (const e of ["drain", "response", "close"]) req.off(e, done);
                    r();
                  };
                  for (const e of ["drain", "response", "close"]) req.once(e, done);
                });
              }
            }
            if (!answered && !req.destroyed) req.end();
          })();
        }),
    );
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // The limit is 64 KiB; socket buffers on loopback hold a few MB more. Before, all 200 MB were read first.
    expect(result.writtenAtAnswer).toBeLessThan(16 * 1024 * 1024);
    await expect(Promise.race([result.socketClosed.then(() => "closed"), sleep(5000).then(() => "open")])).resolves.toBe("closed");
    expect(slowestHealthMs).toBeLessThan(1000);
  });
});

/** Opens a raw TCP connection, sends `head`, then trickles `trickle` one byte every 500 ms; resolves when the server closes it. */
function trickle(head: string, trickleBytes: string, giveUpMs: number): Promise<{ closedAfterMs: number | null; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(server.port, "127.0.0.1");
    let answer = "";
    let i = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on("data", (d: Buffer) => (answer += d.toString()));
    socket.on("error", () => undefined);
    socket.on("connect", () => {
      socket.write(head);
      timer = setInterval(() => {
        if (!socket.destroyed && i < trickleBytes.length) socket.write(trickleBytes[i++] ?? "");
      }, 500);
    });
    const giveUp = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      resolve({ closedAfterMs: null, answer });
    }, giveUpMs);
    socket.on("close", () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ closedAfterMs: Date.now() - started, answer });
    });
  });
}

describe("slow clients", () => {
  it("closes a body trickled at 1 byte per 500 ms at the request timeout (3 s here), answering 408", async () => {
    const head = `POST /api/register HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`;
    const { result, slowestHealthMs } = await withHealthWatch(() => trickle(head, "x".repeat(200), 15_000));
    expect(result.closedAfterMs, "the connection was still open after 15 s").not.toBeNull();
    expect(result.closedAfterMs).toBeLessThan(8000);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(slowestHealthMs).toBeLessThan(1000);
  });

  it("closes headers trickled at 1 byte per 500 ms at the headers timeout (2 s here)", async () => {
    const head = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`;
    const result = await trickle(head, "X-Slow: " + "a".repeat(100), 15_000);
    expect(result.closedAfterMs, "the connection was still open after 15 s").not.toBeNull();
    expect(result.closedAfterMs).toBeLessThan(7000);
  });
});

describe("/ws caps", () => {
  it("accepts at most WS_MAX_PER_IP (50) sockets from one address and refuses the rest with 429, health staying fast", async () => {
    const { result, slowestHealthMs } = await withHealthWatch(() => Promise.allSettled(Array.from({ length: 150 }, () => openSocket(server.url))));
    const opened = result.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = result.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    try {
      expect(opened).toHaveLength(50);
      expect(refused.every((m) => m.includes("429"))).toBe(true);
      expect(slowestHealthMs).toBeLessThan(1000);
    } finally {
      await closeAll(opened);
    }
    // Closed sockets free their places.
    await closeAll([await openSocket(server.url)]);
  });

  it("keeps at most WS_MAX_PER_USER (20) signed-in sockets per user: the next one is closed (1008)", async () => {
    const u = await newUser(api, "wscap");
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        const s = await openSocket(server.url, { token: u.token });
        await authenticated(s, `socket ${i} signed in`);
        sockets.push(s);
      }
      const extra = await openSocket(server.url, { token: u.token });
      sockets.push(extra);
      expect(await closesWithin(extra, 3000)).toBe(1008);
      expect(extra.got.some((m) => m.type === "authenticated")).toBe(false);
    } finally {
      await closeAll(sockets);
    }
  });
});

describe("revoked logins on /ws", () => {
  it("closes a token's socket at once on logout, so it receives no later fill", async () => {
    const u = await newUser(api, "wslogout");
    const login2 = await api<{ access_token: string }>("POST", "/api/login", { body: { email: u.email, password: u.password } });
    const s = await openSocket(server.url, { token: u.token });
    await authenticated(s, "the socket to sign in");
    const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01, stop: 91000 } });
    expect(o.status).toBe(201);
    expect((await api("POST", "/api/logout", { token: u.token })).status).toBe(200);
    expect(await closesWithin(s, 1000)).toBe(4401);
    live.set("91500");
    try {
      await waitFor(async () => {
        const closed = await api<{ closed: { order_id: string }[] }>("GET", "/api/transactions/closed", { token: login2.body.access_token });
        return closed.body.closed.some((t) => t.order_id === o.body.order_id);
      }, "the order to fill after the logout");
    } finally {
      live.set("90000");
    }
    expect(s.got.some((m) => m.type === "fill")).toBe(false);
  });

  it("closes the other logins' sockets (token and browser cookie) at once on a password change, and keeps the changer's", async () => {
    const u = await newUser(api, "wspw");
    const other = await api<{ access_token: string }>("POST", "/api/login", { body: { email: u.email, password: u.password } });
    const cookie = await browserSignIn(u.email, u.password);
    const mine = await openSocket(server.url, { token: u.token });
    const theirs = await openSocket(server.url, { token: other.body.access_token });
    const browser = await openSocket(server.url, { cookie });
    await Promise.all([authenticated(mine, "mine"), authenticated(theirs, "theirs"), authenticated(browser, "the browser's")]);
    const r = await api("POST", "/api/password/change", { token: u.token, body: { password: u.password, new_password: "another long password" } });
    expect(r.status).toBe(200);
    expect(await closesWithin(theirs, 1000)).toBe(4401);
    expect(await closesWithin(browser, 1000)).toBe(4401);
    expect(await closesWithin(mine, 500)).toBe("still open");
    await closeAll([mine]);
  });

  it("closes a socket on a separate worker process (worker.ts) within its re-check interval after logout", async () => {
    const port = await freePort();
    const logs: string[] = [];
    const worker: ChildProcess = spawnWorker({ ...server.env, PORT: String(port), WS_RECHECK_MS: "1000" }, logs);
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok, `the worker to listen: ${logs.join("")}`, 60_000);
      const u = await newUser(api, "wsworker");
      const s = await openSocket(base, { token: u.token });
      await authenticated(s, "the worker's socket to sign in");
      expect((await api("POST", "/api/logout", { token: u.token })).status).toBe(200);
      expect(await closesWithin(s, 4000)).toBe(4401);
    } finally {
      await stopChild(worker);
    }
  });
});

describe("browser sessions", () => {
  it("GET /api/auth/session answers no user once the session's login is revoked by a password change", async () => {
    const u = await newUser(api, "sessionpw");
    const cookie = await browserSignIn(u.email, u.password);
    const before = await api<{ user?: { email?: string } }>("GET", "/api/auth/session", { headers: { cookie } });
    expect(before.body.user?.email).toBe(u.email);
    expect((await api("POST", "/api/password/change", { token: u.token, body: { password: u.password, new_password: "another long password" } })).status).toBe(200);
    const after = await api<Record<string, unknown>>("GET", "/api/auth/session", { headers: { cookie } });
    expect(after.status).toBe(200);
    expect(after.body ?? {}).toEqual({});
    expect(after.text).not.toContain(u.email);
  });

  it("GET /api/auth/session answers no user for a copy of a signed-out cookie", async () => {
    const u = await newUser(api, "sessionout");
    const cookie = await browserSignIn(u.email, u.password);
    const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await fetch(`${server.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: server.url },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    const after = await api<Record<string, unknown>>("GET", "/api/auth/session", { headers: { cookie } });
    expect(after.body ?? {}).toEqual({});
    expect(after.text).not.toContain(u.email);
  });
});

const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

/** Signs in the way the browser does (CSRF token, then the credentials callback); returns the Cookie header. */
async function browserSignIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const r = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: server.url },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(r);
  expect(session).toContain("next-auth.session-token=");
  return `${jar}; ${session}`;
}

/** `npm run worker`'s process (the worker alone, with its own /ws) on the test server's database. */
function spawnWorker(env: Record<string, string>, logs: string[]): ChildProcess {
  return spawnServer(env, logs, "worker.ts");
}
