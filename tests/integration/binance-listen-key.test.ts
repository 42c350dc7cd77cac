// Binance's retired listenKey user data stream against the real server and database: POST, PUT and DELETE
// /api/v3/userDataStream with the API key header alone (USER_STREAM), and /ws/<listenKey> carrying the
// account's executionReport and outboundAccountPosition as they are; listenKeyExpired when the listenKey is
// closed (DELETE), its API key revoked or its 60 minutes run out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { tradeAt } from "../support/market-moves";
import { binanceClient, newApiKey, type BinanceKey, type BinanceSend } from "../support/binance-signer";
import { writeDb } from "../support/db-query";
import { openListenKeyStream, refusedUpgrade, type StreamEvent } from "../support/user-stream";

let server: TestServer;
let api: Api;
let send: BinanceSend;

beforeAll(async () => {
  // the open streams' keys are re-checked every 300 ms (an expiry shows within a second)
  server = await startTestServer({ API_KEY_ENCRYPTION_KEY: "cd".repeat(32), WS_RECHECK_MS: "300" });
  api = apiClient(server.url);
  send = binanceClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
});
afterAll(async () => server?.close());

const open = (key: BinanceKey) => send<{ listenKey: string }>("POST", "/api/v3/userDataStream", {}, { key, signed: false });
const keepAlive = (key: BinanceKey, listenKey?: string) => send("PUT", "/api/v3/userDataStream", listenKey === undefined ? {} : { listenKey }, { key, signed: false });
const close = (key: BinanceKey, listenKey: string) => send("DELETE", "/api/v3/userDataStream", { listenKey }, { key, signed: false });
const isExpired = (listenKey: string) => (e: StreamEvent) => e.e === "listenKeyExpired" && e.listenKey === listenKey;

describe("/api/v3/userDataStream (listenKey)", () => {
  it("opens one listenKey per API key with the key header alone, keeps it alive and closes it, Binance's way", async () => {
    const u = await newUser(api);
    const key = await newApiKey(api, u.token, false); // a READ key is enough
    const first = await open(key);
    expect(first.status).toBe(200);
    expect(first.body.listenKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(Number(first.headers.get("x-mbx-used-weight-1m"))).toBeGreaterThan(0);
    // the active listenKey again (extended), not a second one
    expect((await open(key)).body.listenKey).toBe(first.body.listenKey);
    const otherKey = await newApiKey(api, u.token);
    const other = (await open(otherKey)).body.listenKey;
    expect(other).not.toBe(first.body.listenKey);

    expect(await keepAlive(key, first.body.listenKey)).toMatchObject({ status: 200, body: {} });
    expect(await keepAlive(key, other)).toMatchObject({ status: 400, body: { code: -1125, msg: "This listenKey does not exist." } });
    expect(await keepAlive(key)).toMatchObject({ status: 400, body: { code: -1102 } });
    expect(await keepAlive(key, "not-a-key!")).toMatchObject({ status: 400, body: { code: -1125 } });
    expect(await close(key, first.body.listenKey)).toMatchObject({ status: 200, body: {} });
    expect(await keepAlive(key, first.body.listenKey)).toMatchObject({ status: 400, body: { code: -1125 } });
    expect(await close(key, first.body.listenKey)).toMatchObject({ status: 400, body: { code: -1125 } });
    const next = (await open(key)).body.listenKey;
    expect(next).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(next).not.toBe(first.body.listenKey);

    // the key header is the whole security: missing, malformed and unknown keys as Binance answers them
    expect(await send("POST", "/api/v3/userDataStream")).toMatchObject({ status: 401, body: { code: -2014 } });
    expect(await open({ apiKey: "A".repeat(64), secretKey: "" })).toMatchObject({ status: 401, body: { code: -2015 } });
    expect(await send("GET", "/api/v3/userDataStream", {}, { key, signed: false })).toMatchObject({ status: 405, body: { code: -1020 } });
  });

  it("agrees on one listenKey when a key opens several at once", async () => {
    const u = await newUser(api);
    const key = await newApiKey(api, u.token);
    const answers = await Promise.all(Array.from({ length: 32 }, () => open(key)));
    expect(answers.map((a) => a.status)).toEqual(Array(32).fill(200));
    expect(new Set(answers.map((a) => a.body.listenKey)).size).toBe(1);
  });
});

describe("/ws/<listenKey>", () => {
  it("carries the account's order and balance events unwrapped, and ends with listenKeyExpired on DELETE", async () => {
    const u = await newUser(api);
    const someone = await newUser(api);
    const key = await newApiKey(api, u.token);
    const theirs = await newApiKey(api, someone.token);
    const { listenKey } = (await open(key)).body;
    const s = await openListenKeyStream(server.url, listenKey);
    // someone else's order never shows here
    expect((await send("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.02" }, { key: theirs })).status).toBe(200);
    const placed = await send<{ orderId: number }>("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" }, { key });
    expect(placed.status).toBe(200);
    const reports = await s.waitForEvents((e) => e.e === "executionReport" && e.i === placed.body.orderId, 2, "NEW and TRADE");
    expect(reports.map((e) => e.x)).toEqual(["NEW", "TRADE"]);
    expect(reports[1]).toMatchObject({ X: "FILLED", s: "BTCUSDT", S: "BUY", o: "MARKET", l: "0.01000000", L: "90000.00000000", n: "0.90000000", N: "USDT" });
    const [position] = await s.waitForEvents((e) => e.e === "outboundAccountPosition", 1, "balances");
    expect(position!.B).toEqual(expect.arrayContaining([{ a: "USDT", f: "49099.10000000", l: "0.00000000" }, { a: "BTC", f: "0.01000000", l: "0.00000000" }]));
    expect(s.events().every((e) => !("subscriptionId" in e) && !("event" in e))).toBe(true);
    expect(s.events().filter((e) => e.e === "executionReport")).toHaveLength(2);

    expect((await close(key, listenKey)).status).toBe(200);
    const [expired] = await s.waitForEvents(isExpired(listenKey), 1, "listenKeyExpired");
    expect(typeof expired!.E).toBe("number");
    await s.waitForClose();
  });

  it("refuses an unknown listenKey, and ends a stream whose API key is revoked or whose listenKey expired", async () => {
    expect(await refusedUpgrade(`${server.url}/ws/${"Z".repeat(64)}`)).toEqual({ status: 400, body: { code: -1125, msg: "This listenKey does not exist." } });
    expect(await refusedUpgrade(`${server.url}/ws/not*a*key`)).toMatchObject({ status: 400, body: { code: -1125 } });

    const u = await newUser(api);
    const revoked = await newApiKey(api, u.token);
    const a = (await open(revoked)).body.listenKey;
    const sa = await openListenKeyStream(server.url, a);
    expect((await api("DELETE", `/api/keys/${revoked.id}`, { token: u.token })).status).toBe(200);
    await sa.waitForEvents(isExpired(a), 1, "listenKeyExpired on revocation");
    await sa.waitForClose();
    expect(await refusedUpgrade(`${server.url}/ws/${a}`)).toMatchObject({ status: 400, body: { code: -1125 } });

    // 60 minutes without a keep-alive, aged in the database: the re-check ends the stream
    const key = await newApiKey(api, u.token);
    const b = (await open(key)).body.listenKey;
    const sb = await openListenKeyStream(server.url, b);
    expect(await writeDb(server.db.url, `UPDATE "ListenKey" SET "expiresAt" = ? WHERE "apiKeyId" = ?`, [Date.now() - 1, key.id])).toBe(1);
    await sb.waitForEvents(isExpired(b), 1, "listenKeyExpired on expiry");
    await sb.waitForClose();
    expect(await keepAlive(key, b)).toMatchObject({ status: 400, body: { code: -1125 } });
    const renewed = (await open(key)).body.listenKey;
    expect(renewed).not.toBe(b);
    const sc = await openListenKeyStream(server.url, renewed);
    sc.close();
  });
});
