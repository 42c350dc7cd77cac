// The browser's side of the API over real HTTP: a next-auth session cookie authenticates REST calls
// (writes only from the same origin), signing out or changing the password ends it; the leaderboard
// shows names only; portfolio history and the CSV export answer in their shapes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";

let server: TestServer;
let api: Api;
let trades: NodeJS.Timeout;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  trades = setInterval(() => server.binance.trade("BTCUSDT", "90000"), 300);
});
afterAll(async () => {
  clearInterval(trades);
  await server?.close();
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

const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({ headers: { cookie, ...extra } });

describe("browser sessions on the REST API", () => {
  it("authenticates GETs by the session cookie", async () => {
    const u = await newUser(api, "cookie");
    const cookie = await browserSignIn(u.email, u.password);
    const w = await api("GET", "/api/wallet", withCookie(cookie));
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ email: u.email });
  });

  it("refuses cookie-authenticated writes from another origin and accepts same-origin ones", async () => {
    const u = await newUser(api, "csrf");
    const cookie = await browserSignIn(u.email, u.password);
    const evil = await api("POST", "/api/watchlist/BTCUSDT", withCookie(cookie, { origin: "https://evil.example" }));
    expect(evil.status).toBe(403);
    const list = await api("GET", "/api/watchlist", withCookie(cookie));
    expect(list.body).toEqual({ watchlist: [] });
    const ok = await api("POST", "/api/watchlist/BTCUSDT", withCookie(cookie, { origin: server.url }));
    expect(ok.status).toBe(201);
  });

  it("ends the session on sign-out, also for a copy of the cookie", async () => {
    const u = await newUser(api, "signout");
    const cookie = await browserSignIn(u.email, u.password);
    const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await fetch(`${server.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: server.url },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect((await api("GET", "/api/wallet", withCookie(cookie))).status).toBe(401);
  });

  it("ends browser sessions when the password is changed through the API", async () => {
    const u = await newUser(api, "pwchange");
    const cookie = await browserSignIn(u.email, u.password);
    const r = await api("POST", "/api/password/change", { token: u.token, body: { password: u.password, new_password: "another long password" } });
    expect(r.status).toBe(200);
    expect((await api("GET", "/api/wallet", withCookie(cookie))).status).toBe(401);
  });

  it("refuses a wrong password at the browser sign-in", async () => {
    const u = await newUser(api, "wrongpw");
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const r = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
      body: new URLSearchParams({ csrfToken, email: u.email, password: "wrong password", json: "true" }),
    });
    expect(cookiesOf(r)).not.toContain("next-auth.session-token=");
  });
});

describe("leaderboard, portfolio history and CSV export", () => {
  it("ranks by portfolio value with names only and includes the caller's own rank", async () => {
    const a = await newUser(api, "rich");
    const b = await newUser(api, "poor");
    // b pays a fee and so ends below a.
    const buy = await api("POST", "/api/order/market", { token: b.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: "0.1" } });
    expect(buy.status).toBe(200);
    const r = await api<{ leaderboard: Record<string, unknown>[]; me: { rank: number; name: string } }>("GET", "/api/leaderboard", { token: b.token });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain("@example.com");
    for (const row of r.body.leaderboard) expect(Object.keys(row).sort()).toEqual(expect.arrayContaining(["name", "portfolio_value", "profit", "pnl", "rank", "stars"]));
    const ranks = r.body.leaderboard.map((x) => x.rank as number);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(r.body.me.name).toBe("Test User");
    const mine = await api<{ me: { rank: number } }>("GET", "/api/leaderboard", { token: a.token });
    expect(mine.body.me.rank).toBeLessThan(r.body.me.rank);
    expect((await api("GET", "/api/leaderboard")).status).toBe(401);
  });

  it("answers the portfolio history in its shape", async () => {
    const u = await newUser(api, "hist");
    const r = await api<{ history: { at: string; value: number }[] }>("GET", "/api/portfolio/history", { token: u.token });
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body.history)).toBe(true);
    for (const p of r.body.history) expect(typeof p.value).toBe("number");
    expect((await api("GET", "/api/portfolio/history?limit=0", { token: u.token })).status).toBe(400);
  });

  it("records the portfolio value after a stop order fills", async () => {
    const u = await newUser(api, "snap");
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: "0.01" } });
    const stop = await api("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: "0.01", stop: "95000" } });
    expect(stop.status).toBe(201);
    clearInterval(trades);
    server.binance.trade("BTCUSDT", "95500");
    let history: { at: string; value: number }[] = [];
    for (let i = 0; i < 50 && history.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      history = (await api<{ history: { at: string; value: number }[] }>("GET", "/api/portfolio/history", { token: u.token })).body.history;
    }
    trades = setInterval(() => server.binance.trade("BTCUSDT", "90000"), 300);
    expect(history.length).toBeGreaterThan(0);
    expect(history.at(-1)?.value).toBeGreaterThan(50000);
    expect(Date.parse(history.at(-1)?.at ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("exports closed orders as a CSV attachment, filterable by coin", async () => {
    const u = await newUser(api, "csv");
    await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: "0.01" } });
    const r = await api("GET", "/api/transactions/closed?format=csv", { token: u.token });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(r.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const lines = r.text.trim().split("\r\n");
    expect(lines[0]).toBe("order_id,date,time,symbol,side,order_type,status,b_amount,price,stop,q_amount,fee");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,BTCUSDT,BUY,M,FILLED,0\.01,\d+(\.\d+)?,,\d+(\.\d+)?,\d+(\.\d+)?$/);
    const eth = await api("GET", "/api/transactions/closed?format=csv&coin=ETH", { token: u.token });
    expect(eth.text.trim().split("\r\n")).toHaveLength(1);
    expect((await api("GET", "/api/transactions/closed?format=csv&coin=DOGE", { token: u.token })).status).toBe(404);
    // Without format the JSON contract is unchanged.
    const json = await api<{ closed: unknown[] }>("GET", "/api/transactions/closed", { token: u.token });
    expect(json.body.closed).toHaveLength(1);
  });
});
