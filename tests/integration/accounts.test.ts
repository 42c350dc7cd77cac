// Accounts and tokens through real HTTP on a real database: register, login, rotation, reuse detection,
// logout, profile, password change and the mailed reset link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { lastMailTo } from "../support/db-query";

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_LOGIN: "5", RATE_LIMIT_RESET: "2" });
  api = apiClient(server.url);
});
afterAll(async () => server?.close());

const profile = { name: "Ana", age: 31, country: "ES", PhoneNo: "+34 600 111 222" };

describe("register and login", () => {
  it("registers with 201 and refuses the same email again with 409", async () => {
    const email = `reg${Date.now()}@example.com`;
    const r = await api("POST", "/api/register", { body: { email, password: "long enough", ...profile } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ message: "registered successfully" });
    const again = await api("POST", "/api/register", { body: { email: email.toUpperCase(), password: "long enough", ...profile } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "EMAIL_TAKEN" });
  });

  it("gives new accounts 50,000 USDT and nothing else", async () => {
    const u = await newUser(api);
    const w = await api("GET", "/api/wallet", { token: u.token });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ email: u.email, balance: { USDT: 50000, BTC: 0, ETH: 0, LTC: 0, XRP: 0, BNB: 0 } });
    expect(w.body.fixed_balance).toEqual({ BTC: 0, ETH: 0, LTC: 0, XRP: 0, BNB: 0, USDT: 0 });
  });

  it("answers unknown email and wrong password with the same 401", async () => {
    const u = await newUser(api);
    const wrong = await api("POST", "/api/login", { body: { email: u.email, password: "not the password" } });
    const unknown = await api("POST", "/api/login", { body: { email: `nobody${Date.now()}@example.com`, password: "whatever1" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("rate limits failed logins per email with 429 and Retry-After", async () => {
    const u = await newUser(api);
    for (let i = 0; i < 5; i++) expect((await api("POST", "/api/login", { body: { email: u.email, password: "wrong-password" } })).status).toBe(401);
    const limited = await api("POST", "/api/login", { body: { email: u.email, password: u.password } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("stores no password in clear", async () => {
    const u = await newUser(api);
    const { queryDb } = await import("../support/db-query");
    const rows = await queryDb<{ passwordHash: string }>(server.db.url, `SELECT "passwordHash" FROM "User" WHERE "email" = ?`, [u.email]);
    expect(rows[0]?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("tokens", () => {
  it("rejects missing, malformed and forged tokens with 401", async () => {
    expect((await api("GET", "/api/wallet")).status).toBe(401);
    expect((await api("GET", "/api/wallet", { token: "garbage" })).status).toBe(401);
    const u = await newUser(api);
    const forged = u.token.slice(0, -4) + "AAAA";
    expect((await api("GET", "/api/wallet", { token: forged })).status).toBe(401);
    const r = await api("GET", "/api/wallet", { token: u.refresh });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("keeps a refresh token working at /api/reauth and rotates it at /api/token/refresh", async () => {
    const u = await newUser(api);
    const plain = await api<{ access_token: string }>("GET", "/api/reauth", { token: u.refresh });
    expect(plain.status).toBe(200);
    expect(Object.keys(plain.body)).toEqual(["access_token"]);
    expect((await api("GET", "/api/wallet", { token: plain.body.access_token })).status).toBe(200);
    const first = await api<{ access_token: string; refresh_token: string }>("POST", "/api/token/refresh", { body: { refresh_token: u.refresh } });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(u.refresh);
    expect((await api("GET", "/api/wallet", { token: first.body.access_token })).status).toBe(200);
    // The rotated refresh token again: a reuse. The whole family dies, the new tokens too.
    expect((await api("GET", "/api/reauth", { token: u.refresh })).status).toBe(401);
    expect((await api("GET", "/api/wallet", { token: first.body.access_token })).status).toBe(401);
    expect((await api("GET", "/api/reauth", { token: first.body.refresh_token })).status).toBe(401);
    // An access token is not a refresh token.
    const v = await newUser(api);
    expect((await api("GET", "/api/reauth", { token: v.token })).status).toBe(401);
  });

  it("logout revokes the access token and its refresh family, and only that login", async () => {
    const u = await newUser(api);
    const second = await api<{ access_token: string }>("POST", "/api/login", { body: { email: u.email, password: u.password } });
    const out = await api("POST", "/api/logout", { token: u.token });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ msg: "Access token revoked" });
    expect((await api("GET", "/api/wallet", { token: u.token })).status).toBe(401);
    expect((await api("GET", "/api/reauth", { token: u.refresh })).status).toBe(401);
    expect((await api("GET", "/api/wallet", { token: second.body.access_token })).status).toBe(200);
  });

  it("refuses an email parameter that is not the token's user", async () => {
    const u = await newUser(api);
    expect((await api("GET", `/api/wallet?email=${encodeURIComponent(u.email)}`, { token: u.token })).status).toBe(200);
    expect((await api("GET", "/api/wallet?email=other@example.com", { token: u.token })).status).toBe(401);
  });

  it("refuses a wrong email in a JSON body like one in the query string, even where zod strips it", async () => {
    const u = await newUser(api);
    const wallet = async () => (await api<{ balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token })).body.balance;
    const before = await wallet();
    const order = { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.001, stop: 1_000_000 };
    // the body's email is checked even when the query string's is the right one, and must be a string
    for (const [path, body] of [
      ["/api/order/stoploss", { ...order, email: "other@example.com" }],
      [`/api/order/stoploss?email=${encodeURIComponent(u.email)}`, { ...order, email: "other@example.com" }],
      ["/api/order/stoploss", { ...order, email: 12 }],
      ["/api/order/stoploss", { ...order, email: [u.email] }],
      [`/api/order/stoploss?email=${encodeURIComponent(u.email)}&email=other@example.com`, order],
    ] as const) {
      const r = await api("POST", path, { token: u.token, body });
      expect(r.status, `${path} ${JSON.stringify((body as { email?: unknown }).email)}`).toBe(401);
      expect(r.body).toMatchObject({ code: "UNAUTHENTICATED" });
    }
    expect(await wallet()).toEqual(before);
    // the user's own email, in either place, is fine
    expect((await api("POST", `/api/order/stoploss?email=${encodeURIComponent(u.email)}`, { token: u.token, body: { ...order, email: u.email.toUpperCase() } })).status).not.toBe(401);
  });

  it("keeps revocation across a restart", async () => {
    const u = await newUser(api);
    await api("POST", "/api/logout", { token: u.token });
    await server.restart();
    expect((await api("GET", "/api/wallet", { token: u.token })).status).toBe(401);
  });
});

describe("profile", () => {
  it("shows and updates the profile with its rating", async () => {
    const u = await newUser(api);
    const p = await api("GET", "/api/myprofile", { token: u.token });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ email: u.email, name: "Test User", age: 30, country: "ES", PhoneNo: "+34 600 000 000" });
    expect(p.body.rating).toMatchObject({ stars: 0, portfolio_value: 50000, profit: 50000, pnl: 0 });
    expect(typeof p.body.user_id).toBe("string");
    const patched = await api("PATCH", "/api/myprofile", { token: u.token, body: { name: "Renamed", age: "41" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Renamed", age: 41, country: "ES" });
    expect((await api("PATCH", "/api/myprofile", { token: u.token, body: { age: -3 } })).status).toBe(400);
    expect((await api("PATCH", "/api/myprofile", { token: u.token, body: {} })).status).toBe(400);
  });
});

describe("passwords", () => {
  it("changes the password: current token stays valid, other logins end", async () => {
    const u = await newUser(api);
    const other = await api<{ access_token: string }>("POST", "/api/login", { body: { email: u.email, password: u.password } });
    const bad = await api("POST", "/api/password/change", { token: u.token, body: { password: "wrong-one", new_password: "brand new pass" } });
    expect(bad.status).toBe(403);
    const ok = await api("POST", "/api/password/change", { token: u.token, body: { password: u.password, new_password: "brand new pass" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ message: "Password changed successfully." });
    expect((await api("GET", "/api/wallet", { token: u.token })).status).toBe(200);
    expect((await api("GET", "/api/wallet", { token: other.body.access_token })).status).toBe(401);
    expect((await api("POST", "/api/login", { body: { email: u.email, password: "brand new pass" } })).status).toBe(200);
  });

  it("mails a single-use reset link and answers the same for unknown emails", async () => {
    const u = await newUser(api);
    const known = await api("PUT", "/api/password/get_new", { body: { email: u.email } });
    const unknown = await api("PUT", "/api/password/get_new", { body: { email: `ghost${Date.now()}@example.com` } });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual(unknown.body);
    const mail = await lastMailTo(server.db.url, u.email);
    expect(mail?.text).not.toContain(u.password);
    const token = /reset-password\?token=([\w-]+)/.exec(mail?.text ?? "")?.[1];
    expect(token).toBeTruthy();
    const reset = await api("POST", "/api/password/reset", { body: { token, new_password: "after reset 123" } });
    expect(reset.status).toBe(200);
    expect((await api("POST", "/api/password/reset", { body: { token, new_password: "again reset 123" } })).status).toBe(400);
    expect((await api("POST", "/api/login", { body: { email: u.email, password: "after reset 123" } })).status).toBe(200);
    expect((await api("GET", "/api/wallet", { token: u.token })).status).toBe(401);
  });

  it("rate limits reset mails per email", async () => {
    const u = await newUser(api);
    for (let i = 0; i < 2; i++) expect((await api("PUT", "/api/password/get_new", { body: { email: u.email } })).status).toBe(200);
    expect((await api("PUT", "/api/password/get_new", { body: { email: u.email } })).status).toBe(429);
  });
});

describe("watchlist", () => {
  it("adds, lists and removes pairs with the original's answers", async () => {
    const u = await newUser(api);
    expect((await api("GET", "/api/watchlist", { token: u.token })).body).toEqual({ watchlist: [] });
    const add = await api("POST", "/api/watchlist/btcusdt", { token: u.token });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ message: "symbol added to watchlist" });
    expect((await api("POST", "/api/watchlist/BTCUSDT", { token: u.token })).status).toBe(409);
    expect((await api("POST", "/api/watchlist/DOGEUSDT", { token: u.token })).status).toBe(400);
    await api("POST", "/api/watchlist/ETHBTC", { token: u.token });
    expect((await api("GET", "/api/watchlist", { token: u.token })).body).toEqual({ watchlist: ["BTCUSDT", "ETHBTC"] });
    const del = await api("DELETE", "/api/watchlist/BTCUSDT", { token: u.token });
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ message: "symbol removed from watchlist" });
    expect((await api("DELETE", "/api/watchlist/BTCUSDT", { token: u.token })).status).toBe(404);
  });
});

describe("unknown endpoints", () => {
  it("answers JSON 404, not an HTML page", async () => {
    const r = await api("GET", "/api/nope");
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: "NOT_FOUND" });
  });
});
