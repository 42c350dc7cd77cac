// The replayed market end to end: the real server with MARKET_SOURCE=replay over CSV files this test
// writes (BTCUSDT 12-column ms, ETHUSDT gzipped header file in µs, no other pair), driven over HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, newUser, type Api } from "../support/api-client";
import { minuteCandles, writeKlineCsv, type CsvCandle } from "../support/kline-files";
import { startTestServer, type TestServer } from "../support/test-server";
import { waitFor } from "../support/wait-for";

const T0 = Date.parse("2022-06-13T14:00:00Z");
const MIN = 60_000;
// A market day at 100 before the crash: 24 real minutes at x60 to sign up, pause and place orders. The
// budget is wall-clock time, so it must outlast a loaded or briefly frozen machine (four market hours did not).
const FLAT = 24 * 60;
const OPERATOR = `teacher${Date.now()}@example.com`;

let server: TestServer;
let api: Api;
let dir: string;

type Replay = { replay: { time: string; time_ms: number; speed: number; paused: boolean; pairs: Record<string, string>; operator: boolean } | null };
type Market = { symbol: string; price: number | null; stale: boolean; tradable: boolean; source: string | null };
type Tx = { order_id: string; price: number; timestamp: string; date: string; time: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "replay-it-"));
  const flat: CsvCandle[] = Array.from({ length: FLAT }, (_, i) => ({ openTime: T0 + i * MIN, open: "100", high: "100", low: "100", close: "100" }));
  // the crash: open 100 -> 101 (nearer) -> 90 -> close 95, then back to flat 95
  const crash: CsvCandle = { openTime: T0 + FLAT * MIN, open: "100", high: "101", low: "90", close: "95" };
  const after = Array.from({ length: 30 }, (_, i) => ({ openTime: T0 + (FLAT + 1 + i) * MIN, open: "95", high: "95", low: "95", close: "95" }));
  writeKlineCsv(dir, "BTCUSDT", "1m", [...flat, crash, ...after], { name: "BTCUSDT-1m-2022-06" });
  writeKlineCsv(dir, "ETHUSDT", "1m", minuteCandles(T0, FLAT + 31, 1000), { header: "open_time_ms", micro: true, gzip: true });
  server = await startTestServer({ MARKET_SOURCE: "replay", REPLAY_DIR: dir, REPLAY_SPEED: "60", REPLAY_LOOP: "false", REPLAY_OPERATORS: OPERATOR });
  api = apiClient(server.url);
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const markets = async () => (await api<{ markets: Market[] }>("GET", "/api/markets")).body.markets;
const replay = async () => (await api<Replay>("GET", "/api/replay")).body.replay;

describe("replay over HTTP", () => {
  it("replays the files' pairs on the market clock and says the others are not tradable", async () => {
    const r = await replay();
    expect(r).toMatchObject({ speed: 60, paused: false, pairs: { BTCUSDT: "1m", ETHUSDT: "1m" }, operator: false });
    expect(r!.time_ms).toBeGreaterThanOrEqual(T0);
    expect(r!.time_ms).toBeLessThan(T0 + FLAT * MIN);
    const btc = await waitFor(async () => (await markets()).find((m) => m.symbol === "BTCUSDT" && !m.stale), "a fresh replayed BTC price");
    expect(btc).toMatchObject({ price: 100, source: "replay", tradable: true });
    const xrp = (await markets()).find((m) => m.symbol === "XRPUSDT");
    expect(xrp).toMatchObject({ price: null, stale: true, tradable: false });
    const u = await newUser(api);
    const refused = await api("POST", "/api/order/market", { token: u.token, body: { base: "XRP", quote: "USDT", side: "BUY", b_amount: 10 } });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: "NO_FRESH_PRICE" });
    expect((refused.body as { message: string }).message).toContain("not tradable in this replay");
  });

  it("lets only the operator pause and change the speed; paused, market time stands still", async () => {
    const student = await newUser(api);
    const denied = await api("POST", "/api/replay", { token: student.token, body: { paused: true } });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: "FORBIDDEN" });
    const teacher = await newUser(api, "teacher");
    // newUser makes its own address; register the operator's own
    expect(teacher.email).not.toBe(OPERATOR);
    const reg = await api("POST", "/api/register", { body: { email: OPERATOR, password: "correct horse battery", name: "Teacher", age: 40, country: "ES", PhoneNo: "+34 600 000 001" } });
    expect(reg.status).toBe(201);
    const login = await api<{ access_token: string }>("POST", "/api/login", { body: { email: OPERATOR, password: "correct horse battery" } });
    const op = login.body.access_token;
    expect((await api("POST", "/api/replay", { token: op, body: { speed: -1 } })).status).toBe(400);
    expect((await api("POST", "/api/replay", { token: op, body: {} })).status).toBe(400);
    const paused = await api<Replay>("POST", "/api/replay", { token: op, body: { paused: true } });
    expect(paused.status).toBe(200);
    expect(paused.body.replay).toMatchObject({ paused: true, operator: true });
    const t1 = (await replay())!.time_ms;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await replay())!.time_ms).toBe(t1);

    // while paused, a SELL stop at 95 is placed at the frozen price 100 ...
    const u = await newUser(api);
    const buy = await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 1 } });
    expect(buy.status).toBe(200);
    const sl = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "SELL", b_amount: 1, stop: 95 } });
    expect(sl.status).toBe(201);

    // ... and fills at 90, the low the crash candle really touched (after its nearer high of 101)
    const resumed = await api<Replay>("POST", "/api/replay", { token: op, body: { paused: false, speed: 36_000 } });
    expect(resumed.body.replay).toMatchObject({ paused: false, speed: 36_000 });
    const closed = async () => (await api<{ closed: Tx[] }>("GET", "/api/transactions/closed", { token: u.token })).body.closed;
    const fill = await waitFor(async () => (await closed()).find((t) => t.order_id === sl.body.order_id), "the stop to fill in the crash", 30_000);
    expect(fill.price).toBe(90);
    // stamped with market time: at or after the trade 40 s into the crash candle, before the data ends
    expect(Date.parse(fill.timestamp)).toBeGreaterThanOrEqual(T0 + FLAT * MIN + 40_000);
    expect(Date.parse(fill.timestamp)).toBeLessThan(T0 + (FLAT + 60) * MIN);
    expect(fill.date).toBe("2022-06-14");
  });

  it("serves candles aggregated from the replayed minutes", async () => {
    const k = await waitFor(async () => {
      const r = await api<{ klines: number[][] }>("GET", "/api/klines?symbol=BTCUSDT&interval=1h&limit=100");
      return r.body.klines.find((row) => row[0] === T0 + FLAT * MIN && row[4] === 95) ? r.body.klines : undefined;
    }, "the crash hour's candle in the cache", 30_000);
    expect(k[0]?.[0]).toBe(T0);
    const crashHour = k.find((row) => row[0] === T0 + FLAT * MIN)!;
    expect(crashHour.slice(1, 5)).toEqual([100, 101, 90, 95]);
  });
});
