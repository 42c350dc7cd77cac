// One request must never freeze the server, and no amount may overflow: hostile text and numbers are
// refused in linear time (a concurrent GET /api/health stays fast), derived amounts are bounded, open
// orders are capped per pair and per account, and every list pages. Real server, real database, HTTP only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api, type ApiResponse } from "../support/api-client";
import { lastMailTo, ledgerMismatches } from "../support/db-query";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";

const SUPPORT = "hardening@compraventa.test";
let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer({
    SUPPORT_EMAIL: SUPPORT,
    MAX_OPEN_ORDERS_PER_SYMBOL: "3",
    MAX_OPEN_ORDERS: "5",
    RATE_LIMIT_TICKETS: "100",
  });
  api = apiClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
  await tradeAt(server, api, "ETHUSDT", "3000");
  // Warm up what is built once per process (the assistant's search index, the routes), so the timings
  // below measure the hostile requests only.
  await api("POST", "/api/support/ask", { body: { question: "What is a stop-loss order?" } });
  await api("GET", "/api/health");
});
afterAll(async () => server?.close());

type Err = { code: string; message: string; details?: Record<string, string> };

/**
 * Sends the hostile requests, then (once they are on the server) times a GET /api/health. Before the fixes
 * each hostile request blocked the process for seconds, so health waited that long; now it answers at once.
 */
async function healthWhile<T>(hostile: () => Promise<ApiResponse<T>>[]): Promise<{ healthMs: number; answers: ApiResponse<T>[] }> {
  const pending = hostile();
  await new Promise((r) => setTimeout(r, 150));
  const t0 = performance.now();
  const health = await api("GET", "/api/health");
  const healthMs = performance.now() - t0;
  expect(health.status).toBe(200);
  return { healthMs, answers: await Promise.all(pending) };
}

describe("hostile text and numbers are refused without stalling the process", () => {
  it("a 64 KB question of '<a<a<a…' is refused at once (three at a time) while /api/health stays fast", async () => {
    const question = "<a".repeat(32_000);
    const { healthMs, answers } = await healthWhile(() => [1, 2, 3].map(() => api<Err>("POST", "/api/support/ask", { body: { question } })));
    for (const r of answers) {
      expect(r.status).toBe(400);
      expect(r.body.details).toMatchObject({ question: "must be at most 500 characters" });
    }
    expect(healthMs).toBeLessThan(1000);
  });

  it("an amount '0.<65,000 zeros>1' is refused at once while /api/health stays fast", async () => {
    const u = await newUser(api, "zeros");
    const b_amount = `0.${"0".repeat(65_000)}1`;
    const { healthMs, answers } = await healthWhile(() =>
      [1, 2].map(() => api<Err>("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount } })),
    );
    for (const r of answers) {
      expect(r.status).toBe(400);
      expect(r.body.code).toBe("VALIDATION_FAILED");
      expect(r.body.details?.b_amount).toMatch(/at most 40 characters/);
    }
    expect(healthMs).toBeLessThan(1000);
  });

  it("a numeric string of 41+ characters is refused even when it is a valid decimal", async () => {
    const u = await newUser(api, "long");
    const long = `${"0".repeat(40)}1`;
    const r = await api<Err>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: long, stop: 95000 } });
    expect(r.status).toBe(400);
    expect(r.body.details?.b_amount).toMatch(/at most 40 characters/);
    // A padded but short decimal still works.
    const ok = await api("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: "0.00100000000000", stop: "95000.000" } });
    expect(ok.status, ok.text).toBe(201);
  });
});

describe("support text that quotes markup is plain text", () => {
  it("stores and mails a ticket saying 'it shows <b>0</b>' verbatim", async () => {
    const u = await newUser(api, "markup");
    const r = await api<{ ticket_id: string }>("POST", "/api/support/tickets", {
      token: u.token,
      body: { subject: "Total shows <b>0</b>", message: "My wallet page: it shows <b>0</b> for BTC." },
    });
    expect(r.status, r.text).toBe(201);
    const mail = await lastMailTo(server.db.url, SUPPORT);
    expect(mail?.text).toContain("it shows <b>0</b> for BTC.");
    expect(mail?.subject).toContain("Total shows <b>0</b>");
  });

  it("answers a question that quotes markup instead of refusing it", async () => {
    const r = await api<{ answer: string }>("POST", "/api/support/ask", { body: { question: "the fee column shows <b>0</b>, what is the fee?" } });
    expect(r.status, r.text).toBe(200);
    expect(typeof r.body.answer).toBe("string");
  });
});

describe("derived amounts are bounded: 422, never a 500 or an int64 overflow", () => {
  it("refuses 1e9 BTC market orders, a stop at 1e9 for 1e9, and a modify to 1e9 as over the notional bound", async () => {
    const u = await newUser(api, "huge");
    const market = (side: string, b_amount: unknown) => api<Err>("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side, b_amount } });
    for (const side of ["BUY", "SELL"]) {
      const r = await market(side, 1e9);
      expect(r.status, r.text).toBe(422);
      expect(r.body.code).toBe("MAX_NOTIONAL_EXCEEDED");
      expect(r.body.message).toMatch(/1000000000 USDT/);
    }
    for (const side of ["BUY", "SELL"]) {
      const r = await api<Err>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side, b_amount: 1e9, stop: 1e9 } });
      expect(r.status, r.text).toBe(422);
      expect(r.body.code).toBe("MAX_NOTIONAL_EXCEEDED");
    }
    const placed = await api<{ order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.01, stop: 95000 } });
    expect(placed.status).toBe(201);
    for (const change of [{ b_amount: 1e9 }, { stop: 1e9, b_amount: 1e9 }, { stop: 1e9, b_amount: 2 }]) {
      const r = await api<Err>("PUT", "/api/order/stoploss", { token: u.token, body: { order_id: placed.body.order_id, ...change } });
      expect(r.status, `${JSON.stringify(change)}: ${r.text}`).toBe(422);
      expect(r.body.code).toBe("MAX_NOTIONAL_EXCEEDED");
    }
    // Under the bound, an order the user cannot pay is the usual 422 INSUFFICIENT_BALANCE.
    const sell = await market("SELL", 10_000);
    expect(sell.status, sell.text).toBe(422);
    expect(sell.body.code).toBe("INSUFFICIENT_BALANCE");
    const buy = await market("BUY", 10_000);
    expect(buy.status, buy.text).toBe(422);
    expect(buy.body.code).toBe("INSUFFICIENT_BALANCE");
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("rejects a stop fill whose quote amount would overflow (a gap from 0.00001 to 100000), returning the lock", async () => {
    const u = await newUser(api, "gap");
    await tradeAt(server, api, "LTCUSDT", "0.00001");
    const placed = await api<{ order_id: string; order_type: string }>("POST", "/api/order/stoploss", {
      token: u.token,
      body: { base: "LTC", quote: "USDT", side: "BUY", b_amount: 1e9, stop: 0.00004 },
    });
    expect(placed.status, placed.text).toBe(201);
    expect(placed.body.order_type).toBe("SL");
    await tradeAt(server, api, "LTCUSDT", "100000");
    await waitFor(async () => {
      const r = await api<{ closed: { order_id: string; status: string }[] }>("GET", "/api/transactions/closed?status=all", { token: u.token });
      return r.body.closed.some((o) => o.order_id === placed.body.order_id && o.status === "REJECTED");
    }, "the overflowing fill rejected");
    const w = await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token });
    expect(w.status).toBe(200);
    expect(w.body.balance.USDT).toBe(50_000);
    expect(w.body.fixed_balance.USDT).toBe(0);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("stops a balance at its ceiling with 422 instead of overflowing int64 (1e9 BTC bought again and again at 0.00000001)", async () => {
    const u = await newUser(api, "ceiling");
    await tradeAt(server, api, "BTCUSDT", "0.00000001");
    const live = keepMarketLive(server, "BTCUSDT", "0.00000001");
    try {
      const statuses: number[] = [];
      let refused: ApiResponse<Err> | undefined;
      for (let i = 0; i < 100 && !refused; i++) {
        const r = await api<Err>("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 1e9 } });
        statuses.push(r.status);
        if (r.status !== 200) refused = r;
      }
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(refused?.status).toBe(422);
      expect(refused?.body.code).toBe("BALANCE_LIMIT");
      const w = await api<{ balance: Record<string, number> }>("GET", "/api/wallet", { token: u.token });
      expect(w.status).toBe(200);
      expect(w.body.balance.BTC).toBeLessThanOrEqual(40_000_000_000);
      expect(await ledgerMismatches(server.db.url)).toEqual([]);
    } finally {
      live.stop();
      await tradeAt(server, api, "BTCUSDT", "90000");
    }
  });
});

describe("open orders are capped (MAX_OPEN_ORDERS_PER_SYMBOL=3, MAX_OPEN_ORDERS=5 here)", () => {
  it("refuses the 4th open order of a pair and the 6th of the account with 422 TOO_MANY_OPEN_ORDERS", async () => {
    const u = await newUser(api, "cap");
    const stop = (base: string, price: number) =>
      api<Err & { order_id: string }>("POST", "/api/order/stoploss", { token: u.token, body: { base, quote: "USDT", side: "BUY", b_amount: base === "BTC" ? 0.0001 : 0.001, stop: price } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await stop("BTC", 95000 + i);
      expect(r.status, r.text).toBe(201);
      ids.push(r.body.order_id);
    }
    const fourth = await stop("BTC", 96000);
    expect(fourth.status, fourth.text).toBe(422);
    expect(fourth.body.code).toBe("TOO_MANY_OPEN_ORDERS");
    expect(fourth.body.message).toMatch(/3 open orders on BTCUSDT/);
    for (let i = 0; i < 2; i++) expect((await stop("ETH", 3100 + i)).status).toBe(201);
    const sixth = await stop("ETH", 3200);
    expect(sixth.status).toBe(422);
    expect(sixth.body.code).toBe("TOO_MANY_OPEN_ORDERS");
    expect(sixth.body.message).toMatch(/5 open orders/);
    // Cancelling frees a place; the refused orders locked nothing.
    expect((await api("DELETE", "/api/order/stoploss", { token: u.token, body: { order_id: ids[0] } })).status).toBe(200);
    expect((await stop("BTC", 97000)).status).toBe(201);
    const open = await api<{ open: unknown[] }>("GET", "/api/transactions/open", { token: u.token });
    expect(open.body.open).toHaveLength(5);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("holds the cap under 8 concurrent placements", async () => {
    const u = await newUser(api, "caprace");
    const rs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api<Err>("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.0001, stop: 95000 + i } }),
      ),
    );
    expect(rs.filter((r) => r.status === 201)).toHaveLength(3);
    expect(rs.filter((r) => r.status === 422 && r.body.code === "TOO_MANY_OPEN_ORDERS")).toHaveLength(5);
  });
});

describe("every list pages with ?limit= and ?offset=", () => {
  it("pages the open orders and says where the next page starts", async () => {
    const u = await newUser(api, "pages");
    for (let i = 0; i < 3; i++) {
      expect((await api("POST", "/api/order/stoploss", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.0001, stop: 95000 + i } })).status).toBe(201);
    }
    type Page = { open: { price: number }[]; paging: { limit: number; offset: number; next_offset: number | null } };
    const all = await api<Page>("GET", "/api/transactions/open", { token: u.token });
    expect(all.body.open.map((o) => o.price)).toEqual([95002, 95001, 95000]);
    expect(all.body.paging).toEqual({ limit: 200, offset: 0, next_offset: null });
    const first = await api<Page>("GET", "/api/transactions/open?limit=2", { token: u.token });
    expect(first.body.open.map((o) => o.price)).toEqual([95002, 95001]);
    expect(first.body.paging).toEqual({ limit: 2, offset: 0, next_offset: 2 });
    const second = await api<Page>("GET", "/api/transactions/open?limit=2&offset=2", { token: u.token });
    expect(second.body.open.map((o) => o.price)).toEqual([95000]);
    expect(second.body.paging.next_offset).toBeNull();
    for (const q of ["limit=0", "limit=1001", "limit=abc", "offset=-1", `limit=${"9".repeat(400)}`]) {
      const r = await api<Err>("GET", `/api/transactions/open?${q}`, { token: u.token });
      expect(r.status, q).toBe(400);
      expect(r.body.code).toBe("VALIDATION_FAILED");
    }
  });

  it("pages the closed lists, the news and the leaderboard", async () => {
    const u = await newUser(api, "closedpages");
    for (let i = 0; i < 2; i++) {
      expect((await api("POST", "/api/order/market", { token: u.token, body: { base: "BTC", quote: "USDT", side: "BUY", b_amount: 0.001 } })).status).toBe(200);
    }
    type Closed = { closed: unknown[]; paging: { limit: number; offset: number; next_offset: number | null } };
    const closed = await api<Closed>("GET", "/api/transactions/closed/BTC?limit=1", { token: u.token });
    expect(closed.body.closed).toHaveLength(1);
    expect(closed.body.paging).toEqual({ limit: 1, offset: 0, next_offset: 1 });
    const dflt = await api<Closed>("GET", "/api/transactions/closed", { token: u.token });
    expect(dflt.body.closed).toHaveLength(2);
    expect(dflt.body.paging).toEqual({ limit: 200, offset: 0, next_offset: null });
    const board = await api<{ leaderboard: unknown[]; paging: { limit: number; offset: number } }>("GET", "/api/leaderboard?limit=1&offset=1", { token: u.token });
    expect(board.status).toBe(200);
    expect(board.body.leaderboard).toHaveLength(1);
    expect(board.body.paging).toMatchObject({ limit: 1, offset: 1 });
    const news = await api<{ news: unknown[]; paging: { limit: number; offset: number } }>("GET", "/api/news?limit=5&offset=5");
    expect(news.status).toBe(200);
    expect(news.body.paging).toMatchObject({ limit: 5, offset: 5 });
    expect((await api("GET", "/api/news?offset=-1")).status).toBe(400);
    const history = await api<{ history: unknown[]; paging: { limit: number; next_before: number | null } }>("GET", "/api/portfolio/history?limit=3", { token: u.token });
    expect(history.status).toBe(200);
    expect(history.body.paging).toMatchObject({ limit: 3 });
    expect((await api("GET", "/api/portfolio/history?before=soon", { token: u.token })).status).toBe(400);
  });
});
