// Mail through Resend (a stand-in speaking its HTTP API) when RESEND_API_KEY is set, and the market's
// fallback to the simulated source when Binance cannot be reached at start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { queryDb } from "../support/db-query";
import { startFakeResend } from "../support/fake-resend";
import { waitFor } from "../support/wait-for";

describe("mail through Resend", () => {
  let server: TestServer;
  let api: Api;
  let resend: Awaited<ReturnType<typeof startFakeResend>>;

  beforeAll(async () => {
    resend = await startFakeResend();
    server = await startTestServer({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url, MAIL_FROM: "CompraVenta <mail@test.local>" });
    api = apiClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await resend?.close();
  });

  it("sends the reset link through Resend with the key, and records it as sent", async () => {
    const u = await newUser(api);
    expect((await api("PUT", "/api/password/get_new", { body: { email: u.email } })).status).toBe(200);
    const mail = await waitFor(async () => resend.sent.find((m) => JSON.stringify(m.to).includes(u.email)), "the mail at Resend");
    expect(mail.authorization).toBe("Bearer re_test_key");
    expect(mail.subject).toMatch(/reset/i);
    expect(mail.text).toMatch(/\/reset-password\?token=[\w-]{20,}/);
    expect(mail.text).not.toContain(u.password);
    const rows = await queryDb<{ status: string; providerId: string }>(server.db.url, `SELECT "status", "providerId" FROM "OutboxMail" WHERE "to" = ?`, [u.email]);
    expect(rows[0]).toMatchObject({ status: "SENT" });
  });

  it("answers the client the same when Resend refuses, and records the failure", async () => {
    const u = await newUser(api);
    resend.fail(true);
    const r = await api("PUT", "/api/password/get_new", { body: { email: u.email } });
    resend.fail(false);
    expect(r.status).toBe(200);
    const rows = await queryDb<{ status: string }>(server.db.url, `SELECT "status" FROM "OutboxMail" WHERE "to" = ?`, [u.email]);
    expect(rows[0]?.status).toBe("FAILED");
  });
});

describe("Binance unreachable at start", () => {
  let server: TestServer;
  let api: Api;

  beforeAll(async () => {
    // Nothing listens on port 9 of loopback: the automatic source must fall back to the simulated market.
    server = await startTestServer({ MARKET_SOURCE: "auto", BINANCE_REST_URL: "http://127.0.0.1:9", BINANCE_WS_URL: "ws://127.0.0.1:9" });
    api = apiClient(server.url);
  });
  afterAll(async () => server?.close());

  it("says so loudly, runs the simulated market and labels its prices", async () => {
    expect(server.logs.join("")).toMatch(/unreachable.*SIMULATED|SIMULATED.*unreachable/is);
    const markets = await waitFor(async () => {
      const r = await api<{ markets: { symbol: string; price: number | null; source: string; stale: boolean }[] }>("GET", "/api/markets");
      return r.body.markets.every((m) => m.price !== null && !m.stale) && r.body.markets;
    }, "simulated prices for every pair", 20_000);
    expect(markets).toHaveLength(14);
    expect(new Set(markets.map((m) => m.source))).toEqual(new Set(["simulated"]));
    // Trading works on simulated prices.
    const u = await newUser(api);
    const buy = await api("POST", "/api/order/market", { token: u.token, body: { base: "ETH", quote: "USDT", side: "BUY", b_amount: 0.5 } });
    expect(buy.status).toBe(200);
    expect(buy.body.source).toBe("simulated");
  });
});
