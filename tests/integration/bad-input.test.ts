// A corpus of nasty inputs walked over every endpoint: each gets a 4xx {code, message} (never a 500, never
// HTML) and moves nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { ledgerMismatches } from "../support/db-query";
import { tradeAt } from "../support/market-moves";

let server: TestServer;
let api: Api;
let user: { token: string; email: string };
let openOrderId: string;
let walletBefore: unknown;

const NASTY_NUMBERS: unknown[] = [
  0, -1, -0.5, "-1", "0", "0.0", NaN, "NaN", Infinity, "Infinity", -Infinity, "1e400", 1e300, "1e10", 1e10, 1000000000.1,
  "0.000000001", 1e-9, 1.1400000000000001, "1.123456789", "", " ", "abc", "1,5", "0x10", "1.2.3", null, true, false, [], [1], {}, { $gt: 0 },
];
const NASTY_STRINGS: unknown[] = [null, 5, true, [], {}, "", "x".repeat(5000), "<script>alert(1)</script>", "BTC'; DROP TABLE \"User\";--"];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_LOGIN: "1000", RATE_LIMIT_RESET: "1000" });
  api = apiClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
  user = await newUser(api, "nasty");
  await api("POST", "/api/order/market", { token: user.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.1 } });
  const o = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: user.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 0.05, stop: 80000 } });
  openOrderId = o.body.order_id;
  walletBefore = balancesOf((await api("GET", "/api/wallet", { token: user.token })).body);
});
afterAll(async () => server?.close());

const balancesOf = (w: Record<string, unknown>) => ({ balance: w.balance, fixed_balance: w.fixed_balance });

function expectClientError(r: { status: number; body: unknown; text: string; headers: Headers }, label: string) {
  expect(r.status, `${label}: ${r.text}`).toBeGreaterThanOrEqual(400);
  expect(r.status, `${label}: ${r.text}`).toBeLessThan(500);
  expect(r.headers.get("content-type"), label).toContain("application/json");
  const b = r.body as { code?: unknown; message?: unknown };
  expect(typeof b.code, label).toBe("string");
  expect(typeof b.message, label).toBe("string");
}

interface Endpoint {
  method: string;
  path: string;
  body: Record<string, unknown>;
  numeric: string[];
  text: string[];
  auth: boolean;
}

const endpoints = (): Endpoint[] => [
  { method: "POST", path: "/api/order/market", body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01 }, numeric: ["b_amount"], text: ["base", "quote", "side"], auth: true },
  { method: "POST", path: "/api/order/stoploss", body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01, stop: 95000 }, numeric: ["b_amount", "stop"], text: ["base", "quote", "side"], auth: true },
  { method: "PUT", path: "/api/order/stoploss", body: { order_id: openOrderId, b_amount: 0.01, stop: 70000 }, numeric: ["b_amount", "stop"], text: ["order_id"], auth: true },
  { method: "DELETE", path: "/api/order/stoploss", body: { order_id: openOrderId }, numeric: [], text: ["order_id"], auth: true },
  { method: "POST", path: "/api/register", body: { email: "new@example.com", password: "long enough", name: "N", age: 30, country: "ES", PhoneNo: "+34 600" }, numeric: ["age"], text: ["email", "password", "name", "country", "PhoneNo"], auth: false },
  { method: "POST", path: "/api/login", body: { email: "a@example.com", password: "whatever" }, numeric: [], text: ["email", "password"], auth: false },
  { method: "PATCH", path: "/api/myprofile", body: { name: "Ok" }, numeric: ["age"], text: ["name", "country", "PhoneNo"], auth: true },
  { method: "POST", path: "/api/password/change", body: { password: "x", new_password: "long enough" }, numeric: [], text: ["password", "new_password"], auth: true },
  { method: "PUT", path: "/api/password/get_new", body: { email: "a@example.com" }, numeric: [], text: ["email"], auth: false },
  { method: "POST", path: "/api/password/reset", body: { token: "0123456789abcdef", new_password: "long enough" }, numeric: [], text: ["token", "new_password"], auth: false },
];

describe("every endpoint refuses nasty input without moving money", () => {
  it("refuses nasty numbers in numeric fields", async () => {
    for (const ep of endpoints()) {
      for (const field of ep.numeric) {
        for (const v of NASTY_NUMBERS) {
          const r = await api(ep.method, ep.path, { token: ep.auth ? user.token : undefined, body: { ...ep.body, [field]: v } });
          if (ep.path === "/api/myprofile" && field === "age" && typeof v === "string" && /^\d+$/.test(v)) continue;
          expectClientError(r, `${ep.method} ${ep.path} ${field}=${JSON.stringify(v)}`);
        }
      }
    }
  });

  it("refuses wrong types and junk in text fields", async () => {
    for (const ep of endpoints()) {
      for (const field of ep.text) {
        for (const v of NASTY_STRINGS) {
          const r = await api(ep.method, ep.path, { token: ep.auth ? user.token : undefined, body: { ...ep.body, [field]: v } });
          expect(r.status, `${ep.method} ${ep.path} ${field}=${JSON.stringify(v)?.slice(0, 40)}: ${r.text}`).toBeLessThan(500);
          if (r.status >= 400) expectClientError(r, `${ep.method} ${ep.path} ${field}`);
        }
      }
    }
  });

  it("refuses malformed, non-object and oversized bodies", async () => {
    const raws = ["{", "{\"b_amount\": }", "not json", "[]", "null", "42", "\"str\"", `{"a":${"[".repeat(5000)}}`];
    for (const ep of endpoints()) {
      for (const raw of raws) {
        const r = await api(ep.method, ep.path, { token: ep.auth ? user.token : undefined, raw });
        expectClientError(r, `${ep.method} ${ep.path} raw=${raw.slice(0, 20)}`);
      }
      const big = await api(ep.method, ep.path, { token: ep.auth ? user.token : undefined, raw: JSON.stringify({ ...ep.body, pad: "x".repeat(200_000) }) });
      expectClientError(big, `${ep.method} ${ep.path} oversized`);
    }
  });

  it("refuses unknown pairs, coins and symbols in paths and queries", async () => {
    const t = user.token;
    for (const [method, path] of [
      ["POST", "/api/watchlist/DOGEUSDT"], ["POST", "/api/watchlist/%00"], ["DELETE", "/api/watchlist/NOPE"],
      ["GET", "/api/wallet/DOGE"], ["GET", "/api/transactions/closed/XYZ"], ["GET", "/api/transactions/closed?limit=-1"],
      ["GET", "/api/transactions/closed?status=weird"], ["GET", "/api/klines?symbol=NOPE&interval=1h"], ["GET", "/api/klines?symbol=BTCUSDT&interval=7m"],
      ["GET", "/api/klines?symbol=BTCUSDT&interval=1h&limit=abc"], ["GET", "/api/klines?symbol=BTCUSDT&interval=1h&limit=100000"],
      ["GET", "/api/predict?symbol=NOPE&time=1d"], ["GET", "/api/predict?symbol=BTCUSDT&time=2y"],
    ] as const) {
      expectClientError(await api(method, path, { token: t }), `${method} ${path}`);
    }
  });

  it("moved nothing", async () => {
    expect(balancesOf((await api("GET", "/api/wallet", { token: user.token })).body)).toEqual(walletBefore);
    expect((await api<{ open: unknown[] }>("GET", "/api/transactions/open", { token: user.token })).body.open).toHaveLength(1);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });
});
