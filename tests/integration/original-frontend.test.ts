// The original React frontend (Compra-Venta/compraVenta-frontend) against this API, call by call as it
// makes them: hosted on its own origin (CORS), refreshing with one refresh token for good and in parallel,
// signing up through /validate, reading `profit` as the portfolio value and `error`/`msg` in error bodies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { lastMailTo } from "../support/db-query";
import { tradeAt } from "../support/market-moves";

let server: TestServer;
let api: Api;

const FRONTEND = "http://frontend.example:3000";
const FOREIGN = "http://evil.example";

beforeAll(async () => {
  server = await startTestServer({
    CORS_ORIGINS: `${FRONTEND}, http://other.example`,
    RATE_LIMIT_SIGNUP_CODE: "2",
    RATE_LIMIT_SIGNUP_CODE_IP: "8",
  });
  api = apiClient(server.url);
});
afterAll(async () => server?.close());

type Tokens = { access_token: string; refresh_token: string };

describe("CORS for a frontend on its own origin", () => {
  const preflight = (path: string, origin: string, method = "POST") =>
    fetch(`${server.url}${path}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization,content-type" },
    });

  it("answers a preflight from an allowed origin with the API's methods and headers, without credentials", async () => {
    for (const [path, method] of [["/api/login", "POST"], ["/api/watchlist/BTCUSDT", "DELETE"], ["/api/myprofile", "PATCH"]] as const) {
      const r = await preflight(path, FRONTEND, method);
      expect(r.status).toBeLessThan(300);
      expect(r.headers.get("access-control-allow-origin")).toBe(FRONTEND);
      expect(r.headers.get("access-control-allow-methods")).toContain(method);
      expect(r.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
      expect(r.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
      expect(r.headers.get("access-control-allow-credentials")).toBeNull();
      expect(r.headers.get("vary")?.toLowerCase()).toContain("origin");
    }
  });

  it("gives a foreign origin no CORS headers", async () => {
    const r = await preflight("/api/login", FOREIGN);
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
    expect(r.headers.get("access-control-allow-methods")).toBeNull();
    const u = await newUser(api, "corsforeign");
    const w = await api("GET", "/api/wallet", { token: u.token, headers: { origin: FOREIGN } });
    expect(w.headers.get("access-control-allow-origin")).toBeNull();
    expect(w.headers.get("vary")?.toLowerCase()).toContain("origin");
  });

  it("serves Bearer requests from an allowed origin, errors and unknown paths included", async () => {
    const email = `cors${Date.now()}@example.com`;
    const password = "correct horse battery";
    const headers = { origin: FRONTEND };
    const reg = await api("POST", "/api/register", { headers, body: { email, password, name: "Cors", age: 30, country: "ES", PhoneNo: "+34 600 000 002" } });
    expect(reg.status).toBe(201);
    const login = await api<Tokens>("POST", "/api/login", { headers, body: { email, password } });
    expect(login.status).toBe(200);
    expect(login.headers.get("access-control-allow-origin")).toBe(FRONTEND);
    const w = await api("GET", `/api/wallet?email=${encodeURIComponent(email)}`, { headers, token: login.body.access_token });
    expect(w.status).toBe(200);
    expect(w.headers.get("access-control-allow-origin")).toBe(FRONTEND);
    expect(w.headers.get("access-control-allow-credentials")).toBeNull();
    const add = await api("POST", "/api/watchlist/BTCUSDT", { headers, token: login.body.access_token, body: { email } });
    expect(add.status).toBe(201);
    const unauth = await api("GET", "/api/wallet", { headers, token: "garbage" });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get("access-control-allow-origin")).toBe(FRONTEND);
    const missing = await api("GET", "/api/no-such-endpoint", { headers });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe(FRONTEND);
    const second = await api("GET", "/api/markets", { headers: { origin: "http://other.example" } });
    expect(second.headers.get("access-control-allow-origin")).toBe("http://other.example");
  });
});

describe("/api/reauth keeps the original's contract", () => {
  it("answers every one of four parallel refreshes with one refresh token, again and again", async () => {
    const u = await newUser(api, "reauth");
    for (let round = 0; round < 2; round++) {
      const all = await Promise.all([1, 2, 3, 4].map(() => api<{ access_token: string }>("GET", "/api/reauth", { token: u.refresh })));
      for (const r of all) {
        expect(r.status).toBe(200);
        expect((await api("GET", "/api/wallet", { token: r.body.access_token })).status).toBe(200);
      }
    }
    // Logout ends the login: the refresh token stops working too (no loop on /reauth).
    const fresh = await api<{ access_token: string }>("GET", "/api/reauth", { token: u.refresh });
    expect((await api("POST", "/api/logout", { token: fresh.body.access_token })).status).toBe(200);
    expect((await api("GET", "/api/reauth", { token: u.refresh })).status).toBe(401);
  });

  it("ends with a password change (other logins) and refuses an access token", async () => {
    const u = await newUser(api, "reauthpw");
    const other = await api<Tokens>("POST", "/api/login", { body: { email: u.email, password: u.password } });
    expect((await api("GET", "/api/reauth", { token: u.token })).status).toBe(401);
    const ch = await api("POST", "/api/password/change", { token: u.token, body: { password: u.password, new_password: "a new long password" } });
    expect(ch.status).toBe(200);
    expect((await api("GET", "/api/reauth", { token: other.body.refresh_token })).status).toBe(401);
    expect((await api("GET", "/api/reauth", { token: u.refresh })).status).toBe(200);
  });
});

describe("POST /api/token/refresh rotates with reuse detection", () => {
  it("gives a new pair, kills the old token, and revokes the login when it comes back", async () => {
    const u = await newUser(api, "rotate");
    const first = await api<Tokens>("POST", "/api/token/refresh", { body: { refresh_token: u.refresh } });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(u.refresh);
    expect((await api("GET", "/api/wallet", { token: first.body.access_token })).status).toBe(200);
    const second = await api<Tokens>("POST", "/api/token/refresh", { body: { refresh_token: first.body.refresh_token } });
    expect(second.status).toBe(200);
    // The first token again, already rotated: a reuse, so the whole login ends.
    const reuse = await api("POST", "/api/token/refresh", { body: { refresh_token: u.refresh } });
    expect(reuse.status).toBe(401);
    expect((await api("GET", "/api/wallet", { token: second.body.access_token })).status).toBe(401);
    expect((await api("POST", "/api/token/refresh", { body: { refresh_token: second.body.refresh_token } })).status).toBe(401);
    expect((await api("GET", "/api/reauth", { token: second.body.refresh_token })).status).toBe(401);
  });

  it("lets only one of two concurrent rotations of the same token win", async () => {
    const u = await newUser(api, "rotaterace");
    const both = await Promise.all([1, 2].map(() => api("POST", "/api/token/refresh", { body: { refresh_token: u.refresh } })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("refuses a missing or malformed body with 400 and an access token with 401", async () => {
    const u = await newUser(api, "rotatebad");
    expect((await api("POST", "/api/token/refresh", { body: {} })).status).toBe(400);
    expect((await api("POST", "/api/token/refresh", { body: { refresh_token: u.token } })).status).toBe(401);
  });
});

// The substitution the original's sign-up page applies to the code a user types before comparing it with
// `token` (SignUp.js `encode`, the same table as the Daksh2 backend's `encrypt_token`).
const ORIGINAL_CODE_TABLE: Record<string, string> = Object.fromEntries(
  ("a5 bA c* dB eC ff g& hD iE j^ kl ln m1 n6 oz p% qF rk sm to ug vG wj xa yH z7 Ah BI CJ Di Eb F3 GK HL I2 J4 " +
    "KM Lp MN N8 OO PP Qe Rc Sq T0 U$ Vt WQ Xy Ys Zv 0R 9S 8u 77 6r 59 4T 3d 2U 1V @@ $Q %w ^X &Y *x")
    .split(" ")
    .map((pair): [string, string] => [pair.charAt(0), pair.charAt(1)]),
);
const encodeLikeTheOriginal = (code: string) => [...code].map((c) => ORIGINAL_CODE_TABLE[c] ?? "?").join("");

describe("POST /api/validate: the original's sign-up code step", () => {
  it("refuses a registered email with 400 {error: 'User already exists'}", async () => {
    const u = await newUser(api, "validatetaken");
    const r = await api("POST", "/api/validate", { body: { email: u.email.toUpperCase() } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: "User already exists" });
  });

  it("mails a one-time code and answers the token the original sign-up page compares it with", async () => {
    const email = `validate${Date.now()}@example.com`;
    const r = await api<{ token: string }>("POST", "/api/validate", { body: { email } });
    expect(r.status).toBe(200);
    const mail = await lastMailTo(server.db.url, email);
    const code = /code is:?\s+(\S+)/i.exec(mail?.text ?? "")?.[1];
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(r.body.token).toBe(encodeLikeTheOriginal(code ?? ""));
    // Another request mails another code.
    const again = await api<{ token: string }>("POST", "/api/validate", { body: { email } });
    expect(again.status).toBe(200);
    expect(again.body.token).not.toBe(r.body.token);
    // Per email: RATE_LIMIT_SIGNUP_CODE (2 here) an hour.
    const over = await api("POST", "/api/validate", { body: { email } });
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    // /api/register stays as it is: the code is not needed there.
    const reg = await api("POST", "/api/register", { body: { email, password: "long enough", name: "V", age: 20, country: "ES", PhoneNo: "+34 600 000 001" } });
    expect(reg.status).toBe(201);
  });

  it("refuses a bad email with 400 and limits one address to RATE_LIMIT_SIGNUP_CODE_IP mails an hour", async () => {
    expect((await api("POST", "/api/validate", { body: { email: "not-an-email" } })).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 10 && !statuses.includes(429); i++) {
      statuses.push((await api("POST", "/api/validate", { body: { email: `ip${i}-${Date.now()}@example.com` } })).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.length).toBeLessThanOrEqual(8);
  });
});

describe("password change with a wrong current password", () => {
  it("answers 403 (not 401, which the original frontend reads as an expired session)", async () => {
    const u = await newUser(api, "pw403");
    const r = await api("POST", "/api/password/change", { token: u.token, body: { email: u.email, password: "wrong one!", new_password: "brand new pass" } });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: "WRONG_PASSWORD", error: "The current password is incorrect." });
    expect((await api("GET", "/api/wallet", { token: u.token })).status).toBe(200);
  });
});

describe("profit is the portfolio value (as the original), pnl the gain", () => {
  it("shows 50,000 profit and 0 pnl on a fresh account, in the wallet, the rating and the leaderboard", async () => {
    const u = await newUser(api, "fresh");
    const w = await api("GET", "/api/wallet", { token: u.token });
    expect(w.body).toMatchObject({ profit: 50000, portfolio_value: 50000, pnl: 0 });
    const p = await api<{ rating: Record<string, number> }>("GET", "/api/myprofile", { token: u.token });
    expect(p.body.rating).toMatchObject({ stars: 0, portfolio_value: 50000, profit: 50000, pnl: 0 });
    const lb = await api<{ me: Record<string, number> }>("GET", "/api/leaderboard", { token: u.token });
    expect(lb.body.me).toMatchObject({ portfolio_value: 50000, profit: 50000, pnl: 0, stars: 0 });
  });

  it("values a traded account: profit = value, pnl = value - 50,000, stars from pnl", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api, "traded");
    const buy = await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
    expect(buy.status).toBe(200);
    let w = await api("GET", "/api/wallet", { token: u.token });
    expect(w.body).toMatchObject({ profit: 49991, portfolio_value: 49991, pnl: -9 });
    await tradeAt(server, api, "BTCUSDT", "100000");
    w = await api("GET", "/api/wallet", { token: u.token });
    expect(w.body).toMatchObject({ profit: 50991, portfolio_value: 50991, pnl: 991 });
    const p = await api<{ rating: Record<string, number> }>("GET", "/api/myprofile", { token: u.token });
    expect(p.body.rating).toMatchObject({ stars: 1, portfolio_value: 50991, profit: 50991, pnl: 991 });
  });
});

describe("error bodies carry the original's field names", () => {
  it("adds `error` to every error and `msg` to the order endpoints' errors, with the same sentence", async () => {
    const login = await api("POST", "/api/login", { body: { email: "nobody@example.com", password: "whatever it is" } });
    expect(login.status).toBe(401);
    expect(login.body.error).toBe(login.body.message);
    expect(typeof login.body.error).toBe("string");

    const u = await newUser(api, "alias");
    await tradeAt(server, api, "BTCUSDT", "90000");
    const tooMuch = await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 10 } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: "INSUFFICIENT_BALANCE" });
    expect(tooMuch.body.msg).toBe(tooMuch.body.message);
    expect(tooMuch.body.error).toBe(tooMuch.body.message);
    const badStop = await api("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: -1, stop: 1 } });
    expect(badStop.status).toBe(400);
    expect(badStop.body.msg).toBe(badStop.body.message);
    const cancel = await api("DELETE", "/api/order/stoploss", { token: u.token, body: { order_id: "nope" } });
    expect(cancel.status).toBe(404);
    expect(cancel.body.msg).toBe(cancel.body.message);
    const wl = await api("DELETE", "/api/watchlist/BTCUSDT", { token: u.token });
    expect(wl.status).toBe(404);
    expect(wl.body.error).toBe(wl.body.message);
    expect(wl.body.msg).toBeUndefined();
  });
});

describe("the email parameter as the original sends it", () => {
  it("accepts a plus address put into the query string unencoded (its '+' arrives as a space)", async () => {
    const u = await newUser(api, "plus+tag");
    const r = await api("GET", `/api/wallet?email=${u.email}`, { token: u.token });
    expect(r.status).toBe(200);
    expect((await api("GET", "/api/wallet?email=plus tag@example.com", { token: u.token })).status).toBe(401);
  });
});

// Last: a restart with 2-second access tokens stands in for the original's 15 minutes passing.
describe("after the access token expires", () => {
  beforeAll(async () => server.restart({ ACCESS_TOKEN_TTL_S: "2" }));

  it("is still signed in: four parallel refreshes with the first refresh token all succeed", async () => {
    const u = await newUser(api, "expiry");
    await new Promise((r) => setTimeout(r, 3500));
    expect((await api("GET", "/api/wallet", { token: u.token })).status).toBe(401);
    for (let round = 0; round < 2; round++) {
      const all = await Promise.all([1, 2, 3, 4].map(() => api<{ access_token: string }>("GET", "/api/reauth", { token: u.refresh })));
      expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect((await api("GET", "/api/wallet", { token: all[0]?.body.access_token })).status).toBe(200);
      if (round === 0) await new Promise((r) => setTimeout(r, 3500));
    }
  });
});
