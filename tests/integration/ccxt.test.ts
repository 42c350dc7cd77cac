// Unmodified ccxt (4.5.84, REST and ccxt.pro) against the real server on a fresh database, with only its
// URLs pointed here (binance-api.md §1): markets, market data, balance, every order kind the issue lists,
// queries, cancels, trades, the errors ccxt raises where Binance would, and ccxt.pro's watchOrders and
// watchBalance receiving the fill of an order placed through REST and filled by a fake Binance trade.
import ccxt, { type Exchange, type Order } from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { tradeAt } from "../support/market-moves";

let server: TestServer;
let api: Api;
let key: { apiKey: string; secretKey: string };
let token: string;

const SPOT_ONLY = { fetchMarkets: { types: ["spot"] }, fetchCurrencies: false, fetchMargins: false };

/** Every URL family's origin replaced by ours, paths unchanged: the README's recipe. */
function pointAtServer<T extends Exchange>(ex: T): T {
  const urls = ex.urls.api as Record<string, unknown>;
  for (const k in urls) {
    const v = urls[k];
    if (typeof v === "string") urls[k] = v.replace(/^https:\/\/[^/]+/, server.url);
  }
  return ex;
}

const rest = (options: Record<string, unknown> = SPOT_ONLY, credentials = { apiKey: key.apiKey, secret: key.secretKey }) =>
  pointAtServer(new ccxt.binance({ ...credentials, options }));

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
  const u = await newUser(api);
  token = u.token;
  const r = await api<{ apiKey: string; secretKey: string }>("POST", "/api/keys", { token, body: { label: "ccxt" } });
  expect(r.status).toBe(201);
  key = r.body;
});
afterAll(async () => server?.close());

describe("ccxt binance (REST)", () => {
  it("loads the markets with spot-only options and with ccxt's defaults", async () => {
    const spot = rest();
    const markets = await spot.loadMarkets();
    expect(Object.keys(markets)).toHaveLength(14);
    expect(markets["BTC/USDT"]).toMatchObject({ id: "BTCUSDT", base: "BTC", quote: "USDT", spot: true, active: true });
    expect(markets["BTC/USDT"]!.precision).toMatchObject({ amount: 0.00001, price: 0.01 });
    expect(markets["BTC/USDT"]!.limits.cost?.min).toBe(5);
    const defaults = rest({});
    const all = await defaults.loadMarkets();
    expect(all["ETH/BTC"]).toMatchObject({ id: "ETHBTC", spot: true });
    expect(Object.values(all).filter((m) => m?.spot)).toHaveLength(14);
  });

  it("fetches the time, a ticker, candles and the (synthesized) order book", async () => {
    const ex = rest();
    expect(Math.abs((await ex.fetchTime())! - Date.now())).toBeLessThan(5000);
    const t = await ex.fetchTicker("BTC/USDT");
    expect(t).toMatchObject({ symbol: "BTC/USDT", last: 90000 });
    const candles = await ex.fetchOHLCV("BTC/USDT", "1h", undefined, 5);
    expect(candles.length).toBeGreaterThan(0);
    expect(candles.length).toBeLessThanOrEqual(5);
    expect(candles[0]).toHaveLength(6);
    const book = await ex.fetchOrderBook("BTC/USDT", 5);
    expect(book.bids).toHaveLength(5);
    expect(book.asks).toHaveLength(5);
    expect(book.bids[0]![0]!).toBeLessThan(book.asks[0]![0]!);
  });

  it("fetches the balance and places market, limit, stop-loss, stop-loss-limit and cost-based orders", async () => {
    const ex = rest();
    const start = await ex.fetchBalance();
    expect(start.USDT).toMatchObject({ free: 50000, used: 0, total: 50000 });

    const market = await ex.createOrder("BTC/USDT", "market", "buy", 0.01);
    expect(market).toMatchObject({ status: "closed", type: "market", side: "buy", amount: 0.01, filled: 0.01, average: 90000, cost: 900 });
    expect(market.fee).toMatchObject({ cost: 0.9, currency: "USDT" });

    const limit = await ex.createOrder("BTC/USDT", "limit", "buy", 0.01, 80000);
    expect(limit).toMatchObject({ status: "open", type: "limit", price: 80000, filled: 0 });
    const stop = await ex.createOrder("BTC/USDT", "market", "sell", 0.004, undefined, { stopLossPrice: 85000 });
    expect(stop).toMatchObject({ status: "open", side: "sell" });
    expect(stop.info).toMatchObject({ type: "STOP_LOSS" });
    const stopLimit = await ex.createOrder("BTC/USDT", "limit", "sell", 0.004, 84000, { stopLossPrice: 85000 });
    expect(stopLimit.info).toMatchObject({ type: "STOP_LOSS_LIMIT", price: "84000.00000000", stopPrice: "85000.00000000" });
    expect(stopLimit.triggerPrice).toBe(85000);

    // 100 USDT / 90000 = 0.0011111 BTC, floored to the lot step 0.00001
    const spend = await ex.createMarketBuyOrderWithCost("BTC/USDT", 100);
    expect(spend).toMatchObject({ status: "closed", filled: 0.00111, cost: 99.9 });

    const balance = await ex.fetchBalance();
    // 900 + 0.9 and 99.9 + 0.0999 spent; 800 + 0.8 locked by the resting limit; 0.008 BTC locked by the stops
    expect(balance.USDT).toMatchObject({ free: 48198.3001, used: 800.8, total: 48999.1001 });
    expect(balance.BTC).toMatchObject({ free: 0.00311, used: 0.008, total: 0.01111 });
  });

  it("fetches an order, the open orders and the trades, and cancels", async () => {
    const ex = rest();
    const placed = await ex.createOrder("BTC/USDT", "limit", "buy", 0.001, 70000, { clientOrderId: "ccxt-dip" });
    const id = placed.id!;
    const got = await ex.fetchOrder(id, "BTC/USDT");
    expect(got).toMatchObject({ id: placed.id, clientOrderId: "ccxt-dip", status: "open", price: 70000, amount: 0.001 });
    const open = await ex.fetchOpenOrders("BTC/USDT");
    expect(open.map((o) => o.id)).toContain(placed.id);
    const cancelled = await ex.cancelOrder(id, "BTC/USDT");
    expect(cancelled).toMatchObject({ id: placed.id, status: "canceled" });
    expect((await ex.fetchOrder(id, "BTC/USDT")).status).toBe("canceled");
    expect((await ex.fetchOpenOrders("BTC/USDT")).map((o) => o.id)).not.toContain(placed.id);
    const trades = await ex.fetchMyTrades("BTC/USDT");
    expect(trades.length).toBeGreaterThanOrEqual(2);
    const first = trades.find((t) => t.amount === 0.01);
    expect(first).toMatchObject({ symbol: "BTC/USDT", side: "buy", price: 90000, cost: 900, takerOrMaker: "taker" });
    expect(first!.fee).toMatchObject({ cost: 0.9, currency: "USDT" });
  });

  it("raises InsufficientFunds, OrderNotFound, AuthenticationError, InvalidNonce and InvalidOrder where Binance would", async () => {
    const ex = rest();
    await ex.loadMarkets();
    await expect(ex.createOrder("BTC/USDT", "market", "buy", 10)).rejects.toBeInstanceOf(ccxt.InsufficientFunds);
    await expect(ex.fetchOrder("99999999", "BTC/USDT")).rejects.toBeInstanceOf(ccxt.OrderNotFound);
    await expect(ex.cancelOrder("99999999", "BTC/USDT")).rejects.toBeInstanceOf(ccxt.OrderNotFound);
    // a stop that would trigger at once, and a client id already open: Binance's -2010
    await expect(ex.createOrder("BTC/USDT", "market", "sell", 0.001, undefined, { stopLossPrice: 95000 })).rejects.toBeInstanceOf(ccxt.InvalidOrder);
    await ex.createOrder("BTC/USDT", "limit", "buy", 0.001, 70000, { clientOrderId: "twice" });
    await expect(ex.createOrder("BTC/USDT", "limit", "buy", 0.001, 70000, { clientOrderId: "twice" })).rejects.toBeInstanceOf(ccxt.InvalidOrder);

    const wrongSecret = rest(SPOT_ONLY, { apiKey: key.apiKey, secret: "x".repeat(64) });
    await wrongSecret.loadMarkets();
    await expect(wrongSecret.fetchBalance()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
    const unknownKey = rest(SPOT_ONLY, { apiKey: "Z".repeat(64), secret: key.secretKey });
    await unknownKey.loadMarkets();
    await expect(unknownKey.fetchBalance()).rejects.toBeInstanceOf(ccxt.AuthenticationError);
    // a clock 10 s ahead of the server's: Binance's -1021
    const ahead = rest({ ...SPOT_ONLY, timeDifference: -10_000 });
    await ahead.loadMarkets();
    await expect(ahead.fetchBalance()).rejects.toBeInstanceOf(ccxt.InvalidNonce);
  });

  it("places an OCO with a take-profit leg through ccxt's own orderList/oco call, lists its legs and cancels it by its list client id", async () => {
    const ex = rest();
    await ex.loadMarkets();
    await tradeAt(server, api, "BTCUSDT", "90000");
    const list = (await ex.privatePostOrderListOco({
      symbol: "BTCUSDT", side: "BUY", quantity: "0.001", aboveType: "STOP_LOSS", aboveStopPrice: "95000", aboveClientOrderId: "ccxt-sl",
      belowType: "TAKE_PROFIT_LIMIT", belowStopPrice: "86000", belowPrice: "85900", belowTimeInForce: "GTC", belowClientOrderId: "ccxt-tp",
      listClientOrderId: "ccxt-list",
    })) as { listClientOrderId: string; orderReports: { type: string; clientOrderId: string }[] };
    expect(list.listClientOrderId).toBe("ccxt-list");
    expect(list.orderReports.map((o) => [o.type, o.clientOrderId])).toEqual([["TAKE_PROFIT_LIMIT", "ccxt-tp"], ["STOP_LOSS", "ccxt-sl"]]);
    const open = (await ex.fetchOpenOrders("BTC/USDT")).filter((o) => o.clientOrderId === "ccxt-tp" || o.clientOrderId === "ccxt-sl");
    expect(open.map((o) => [o.clientOrderId, o.status, o.triggerPrice])).toEqual([["ccxt-tp", "open", 86000], ["ccxt-sl", "open", 95000]]);
    const gone = (await ex.privateDeleteOrderList({ symbol: "BTCUSDT", listClientOrderId: "ccxt-list" })) as { listClientOrderId: string; listOrderStatus: string };
    expect(gone).toMatchObject({ listClientOrderId: "ccxt-list", listOrderStatus: "ALL_DONE" });
    expect((await ex.fetchOpenOrders("BTC/USDT")).filter((o) => o.clientOrderId?.startsWith("ccxt-") === true && o.clientOrderId !== "ccxt-dip")).toEqual([]);
  });

  it("opens, keeps alive and closes a listenKey through ccxt's implicit userDataStream calls (the key header, no signature)", async () => {
    const ex = rest();
    const { listenKey } = (await ex.publicPostUserDataStream()) as { listenKey: string };
    expect(listenKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(await ex.publicPutUserDataStream({ listenKey })).toEqual({});
    expect(await ex.publicDeleteUserDataStream({ listenKey })).toEqual({});
    await expect(ex.publicPutUserDataStream({ listenKey })).rejects.toThrow(/-1125/);
  });
});

describe("ccxt.pro binance (user data stream)", () => {
  it("watchOrders and watchBalance receive the fill of an order placed through REST", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const ex = rest();
    const pro = pointAtServer(new ccxt.pro.binance({ apiKey: key.apiKey, secret: key.secretKey, options: SPOT_ONLY }));
    (pro.urls.api as unknown as { ws: Record<string, Record<string, string>> }).ws["ws-api"]!.spot = `${server.url.replace("http", "ws")}/ws-api/v3`;
    await pro.loadHttpProxyAgent();
    try {
      // markets loaded and the stream subscribed before anything happens (ccxt drops events it cannot parse yet)
      await pro.loadMarkets();
      await pro.authenticate({ type: "spot" });
      const before = await ex.fetchBalance();

      const wanted: { id?: string } = {};
      const filledOrder = (async (): Promise<Order> => {
        for (;;) {
          const orders = await pro.watchOrders("BTC/USDT");
          const o = orders.find((x) => wanted.id !== undefined && x.id === wanted.id && x.status === "closed");
          if (o) return o;
        }
      })();
      const balanceAfter = (async () => {
        for (;;) {
          const b = await pro.watchBalance();
          if (b.BTC && b.BTC.total !== undefined && b.BTC.total > before.BTC!.total!) return b;
        }
      })();
      // close() rejects a watcher still waiting (a failed run): handled here, reported by withTimeout
      for (const p of [filledOrder, balanceAfter]) p.catch(() => undefined);
      const placed = await ex.createOrder("BTC/USDT", "limit", "buy", 0.002, 89000);
      expect(placed.status).toBe("open");
      wanted.id = placed.id;
      // the fake Binance trades through the limit: the worker fills it at 89000 (maker)
      await tradeAt(server, api, "BTCUSDT", "88900");
      const o = await withTimeout(filledOrder, "watchOrders");
      expect(o).toMatchObject({ id: placed.id, status: "closed", filled: 0.002, price: 89000, cost: 178 });
      expect(o.fee).toMatchObject({ cost: 0.178, currency: "USDT" });
      const b = await withTimeout(balanceAfter, "watchBalance");
      expect(b.BTC!.total).toBeCloseTo(before.BTC!.total! + 0.002, 8);
      expect(b.USDT!.free).toBeCloseTo(before.USDT!.free! - 178.178, 8);
    } finally {
      await pro.close();
    }
  });
});

async function withTimeout<T>(p: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
