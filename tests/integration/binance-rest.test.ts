// The Binance-compatible REST surface (/api/v3, binance-api.md §4-§9) through real HTTP on the real
// server and database: market data, signed TRADE endpoints with an HMAC key made by the native API,
// and that orders placed here are the native API's orders (one engine, one ledger).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, newUser, type Api } from "../support/api-client";
import { binanceClient, newApiKey, sign, type BinanceKey, type BinanceSend } from "../support/binance-signer";
import { ledgerMismatches } from "../support/db-query";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { startTestServer, type TestServer } from "../support/test-server";
import { freshWindow, waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;
let bn: BinanceSend;
let live: ReturnType<typeof keepMarketLive>;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  bn = binanceClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
  await tradeAt(server, api, "ETHBTC", "0.035");
  live = keepMarketLive(server, "BTCUSDT", "90000");
});
afterAll(async () => {
  live?.stop();
  await server?.close();
});

type Json = Record<string, unknown>;
type Wallet = { balance: Record<string, number>; fixed_balance: Record<string, number> };
const wallet = async (token: string) => (await api<Wallet>("GET", "/api/wallet", { token })).body;
const nativeOrders = async (token: string) => (await api<{ orders: Json[] }>("GET", "/api/orders?status=all", { token })).body.orders;

async function trader(): Promise<{ token: string; key: BinanceKey }> {
  const u = await newUser(api, "bn");
  return { token: u.token, key: await newApiKey(api, u.token) };
}

describe("market data (no key)", () => {
  it("ping, time, and the weight header on every answer", async () => {
    const ping = await bn("GET", "/api/v3/ping");
    expect(ping.status).toBe(200);
    expect(ping.body).toEqual({});
    const before = Number(ping.headers.get("x-mbx-used-weight-1m"));
    const time = await bn<{ serverTime: number }>("GET", "/api/v3/time");
    expect(Math.abs(time.body.serverTime - Date.now())).toBeLessThan(5000);
    expect(Number(time.headers.get("x-mbx-used-weight-1m"))).toBeGreaterThanOrEqual(before + 1);
  });

  it("exchangeInfo: every pair with Binance's filters, one or some by symbol(s), -1121 for an unknown one", async () => {
    const all = await bn<{ symbols: Json[]; rateLimits: Json[]; timezone: string }>("GET", "/api/v3/exchangeInfo");
    expect(all.body.timezone).toBe("UTC");
    expect(all.body.symbols).toHaveLength(14);
    expect(all.body.rateLimits).toEqual([
      { rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 6000 },
      { rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 100 },
      { rateLimitType: "ORDERS", interval: "DAY", intervalNum: 1, limit: 200000 },
    ]);
    const one = await bn<{ symbols: Json[] }>("GET", "/api/v3/exchangeInfo?symbol=XRPBTC");
    expect(one.body.symbols).toHaveLength(1);
    expect(one.body.symbols[0]).toMatchObject({
      symbol: "XRPBTC", status: "TRADING", baseAsset: "XRP", quoteAsset: "BTC", ocoAllowed: true, quoteOrderQtyMarketAllowed: true,
      allowTrailingStop: true, icebergAllowed: false, permissionSets: [["SPOT"]],
      orderTypes: ["MARKET", "LIMIT", "LIMIT_MAKER", "STOP_LOSS", "TAKE_PROFIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"],
      filters: [
        { filterType: "PRICE_FILTER", minPrice: "0.00000001", maxPrice: "1000000000.00000000", tickSize: "0.00000001" },
        { filterType: "LOT_SIZE", minQty: "1.00000000", maxQty: "1000000000.00000000", stepSize: "1.00000000" },
        { filterType: "NOTIONAL", minNotional: "0.00010000", applyMinToMarket: true, applyMaxToMarket: false, avgPriceMins: 0 },
        { filterType: "TRAILING_DELTA", minTrailingAboveDelta: 10, maxTrailingBelowDelta: 2000 },
        { filterType: "MAX_NUM_ORDERS", maxNumOrders: 200 },
      ],
    });
    const some = await bn<{ symbols: Json[] }>("GET", `/api/v3/exchangeInfo?symbols=${encodeURIComponent('["ETHUSDT","BTCUSDT"]')}`);
    expect(some.body.symbols.map((s) => s.symbol)).toEqual(["ETHUSDT", "BTCUSDT"]);
    const bad = await bn("GET", "/api/v3/exchangeInfo?symbol=DOGEUSDT");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: -1121, msg: "Invalid symbol." });
    expect(all.headers.get("x-mbx-used-weight-1m")).toMatch(/^\d+$/);
  });

  it("klines: Binance's 12-element rows from the same cache as /api/klines; -1120 for an unknown interval", async () => {
    // the worker writes the history oldest first: wait until the current hour's candle is cached
    const hour = 3_600_000;
    await waitFor(async () => {
      const k = (await api<{ klines: number[][] }>("GET", "/api/klines?symbol=BTCUSDT&interval=1h&limit=1")).body.klines;
      return k[0]?.[0] === Math.floor(Date.now() / hour) * hour;
    }, "candles cached");
    const r = await bn<unknown[][]>("GET", "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=3");
    expect(r.status).toBe(200);
    const native = await api<{ klines: number[][] }>("GET", "/api/klines?symbol=BTCUSDT&interval=1h&limit=3");
    expect(r.body.map((k) => k[0])).toEqual(native.body.klines.map((k) => k[0]));
    const [row] = r.body;
    expect(row).toHaveLength(12);
    expect(typeof row![1]).toBe("string");
    expect(row![6]).toBe((row![0] as number) + 3_600_000 - 1);
    for (const interval of ["1m", "5m", "15m", "4h", "1d", "1w"]) {
      expect((await bn("GET", `/api/v3/klines?symbol=BTCUSDT&interval=${interval}&limit=1`)).status, interval).toBe(200);
    }
    const bad = await bn("GET", "/api/v3/klines?symbol=BTCUSDT&interval=7m");
    expect(bad.body).toEqual({ code: -1120, msg: "Invalid interval." });
  });

  it("tickers: 24hr, price, bookTicker (the synthesized book's best levels) and avgPrice", async () => {
    const t = await bn<Json>("GET", "/api/v3/ticker/24hr?symbol=BTCUSDT");
    expect(t.body).toMatchObject({ symbol: "BTCUSDT", lastPrice: "90000.00000000", bidPrice: "89999.99000000", askPrice: "90000.01000000" });
    const all = await bn<Json[]>("GET", "/api/v3/ticker/24hr");
    expect(Array.isArray(all.body)).toBe(true);
    expect(all.body.find((x) => x.symbol === "ETHBTC")).toMatchObject({ lastPrice: "0.03500000" });
    expect((await bn("GET", "/api/v3/ticker/price?symbol=BTCUSDT")).body).toEqual({ symbol: "BTCUSDT", price: "90000.00000000" });
    const prices = await bn<Json[]>("GET", `/api/v3/ticker/price?symbols=${encodeURIComponent('["BTCUSDT","ETHBTC"]')}`);
    expect(prices.body).toEqual([{ symbol: "BTCUSDT", price: "90000.00000000" }, { symbol: "ETHBTC", price: "0.03500000" }]);
    expect((await bn("GET", "/api/v3/ticker/bookTicker?symbol=ETHBTC")).body).toEqual({
      symbol: "ETHBTC", bidPrice: "0.03499000", bidQty: "0.10000000", askPrice: "0.03501000", askQty: "0.10000000",
    });
    expect((await bn("GET", "/api/v3/avgPrice?symbol=BTCUSDT")).body).toMatchObject({ mins: 5, price: "90000.00000000" });
  });

  it("trades and aggTrades: the trades the feed saw; depth: limit levels each side at last ∓ k·tick", async () => {
    const trades = await bn<Json[]>("GET", "/api/v3/trades?symbol=BTCUSDT&limit=5");
    expect(trades.body.length).toBeGreaterThan(0);
    expect(trades.body.length).toBeLessThanOrEqual(5);
    expect(trades.body.at(-1)).toMatchObject({ price: "90000.00000000", qty: "0.01000000", quoteQty: "900.00000000", isBestMatch: true });
    const agg = await bn<Json[]>("GET", "/api/v3/aggTrades?symbol=BTCUSDT&limit=2");
    expect(agg.body.at(-1)).toMatchObject({ p: "90000.00000000", q: "0.01000000" });
    expect((await bn("GET", "/api/v3/trades?symbol=LTCETH")).body).toEqual([]);
    const depth = await bn<{ bids: string[][]; asks: string[][] }>("GET", "/api/v3/depth?symbol=BTCUSDT&limit=5");
    expect(depth.body.bids).toHaveLength(5);
    expect(depth.body.bids[0]).toEqual(["89999.99000000", "0.01000000"]);
    expect(depth.body.asks[4]).toEqual(["90000.05000000", "0.01000000"]);
    expect(depth.headers.get("x-mbx-used-weight-1m")).toMatch(/^\d+$/);
  });

  it("stubs for ccxt's defaults, Binance's 404 for unknown paths and 405 for other methods", async () => {
    for (const path of ["/fapi/v1/exchangeInfo", "/dapi/v1/exchangeInfo"]) {
      const r = await bn<Json>("GET", path);
      expect(r.status, path).toBe(200);
      expect(r.body).toMatchObject({ timezone: "UTC", symbols: [] });
    }
    expect((await bn("GET", "/sapi/v1/system/status")).body).toEqual({ status: 0, msg: "normal" });
    for (const path of ["/api/v3/noSuchThing", "/api/v3/order/amend/keepPriority", "/sapi/v1/nope", "/fapi/v1/ticker/price", "/dapi/v2/x"]) {
      for (const method of ["GET", "POST", "DELETE"]) {
        const r = await bn(method, path);
        expect(r.status, `${method} ${path}`).toBe(404);
        expect(r.body).toEqual({ code: -1020, msg: "This operation is not supported." });
        expect(r.headers.get("x-mbx-used-weight-1m")).toMatch(/^\d+$/);
      }
    }
    const put = await bn("PUT", "/api/v3/time");
    expect(put.status).toBe(405);
    expect(put.body).toEqual({ code: -1020, msg: "This operation is not supported." });
    expect(put.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(put.headers.get("x-mbx-used-weight-1m")).toMatch(/^\d+$/);
  });
});

describe("trading (TRADE key)", () => {
  it("MARKET BUY by quantity answers FULL with its fill; the native API shows the same order and balance", async () => {
    const { token, key } = await trader();
    const r = await bn<Json>("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" }, { key });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      symbol: "BTCUSDT", orderListId: -1, status: "FILLED", type: "MARKET", side: "BUY", origQty: "0.01000000", executedQty: "0.01000000",
      cummulativeQuoteQty: "900.00000000", price: "0.00000000", timeInForce: "GTC",
      fills: [{ price: "90000.00000000", qty: "0.01000000", commission: "0.90000000", commissionAsset: "USDT" }],
    });
    expect(typeof r.body.orderId).toBe("number");
    expect(r.headers.get("x-mbx-order-count-10s")).toBe("1");
    expect(r.headers.get("x-mbx-order-count-1d")).toBe("1");
    const native = await nativeOrders(token);
    expect(native).toHaveLength(1);
    expect(native[0]).toMatchObject({ order_no: r.body.orderId, status: "FILLED", fill_price: 90000, fee: 0.9 });
    expect((await wallet(token)).balance).toMatchObject({ USDT: 49099.1, BTC: 0.01 });
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("MARKET by quoteOrderQty floors to the lot step; SELL pays the fee in the quote coin", async () => {
    const { token, key } = await trader();
    const buy = await bn<Json>("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quoteOrderQty: "1000" }, { key });
    expect(buy.body).toMatchObject({ status: "FILLED", origQty: "0.01111000", origQuoteOrderQty: "1000.00000000", cummulativeQuoteQty: "999.90000000" });
    const sell = await bn<Json>("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "SELL", type: "MARKET", quantity: "0.01111", newOrderRespType: "RESULT" }, { key });
    expect(sell.body).toMatchObject({ status: "FILLED", cummulativeQuoteQty: "999.90000000" });
    expect(sell.body).not.toHaveProperty("fills");
    const w = await wallet(token);
    expect(w.balance.USDT).toBeCloseTo(49998.0002, 8);
    expect(w.balance.BTC).toBe(0);
  });

  it("LIMIT rests (NEW, locked) and shows natively; cancel by origClientOrderId, then -2011; a native order cancels here by its number", async () => {
    const { token, key } = await trader();
    const r = await bn<Json>("POST", "/api/v3/order", {
      symbol: "BTCUSDT", side: "BUY", type: "LIMIT", timeInForce: "GTC", quantity: "0.1", price: "80000", newClientOrderId: "dip.1",
    }, { key });
    expect(r.body).toMatchObject({ status: "NEW", clientOrderId: "dip.1", price: "80000.00000000", executedQty: "0.00000000", fills: [] });
    expect((await wallet(token)).fixed_balance.USDT).toBe(8008);
    expect((await nativeOrders(token))[0]).toMatchObject({ client_order_id: "dip.1", status: "NEW", type: "LIMIT", order_type: "L" });
    const dup = await bn("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", timeInForce: "GTC", quantity: "0.1", price: "80000", newClientOrderId: "dip.1" }, { key });
    expect(dup.body).toEqual({ code: -2010, msg: "Duplicate order sent." });
    const c = await bn<Json>("DELETE", "/api/v3/order", { symbol: "BTCUSDT", origClientOrderId: "dip.1" }, { key });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ symbol: "BTCUSDT", origClientOrderId: "dip.1", orderId: r.body.orderId, status: "CANCELED", orderListId: -1 });
    expect((await wallet(token)).fixed_balance.USDT).toBe(0);
    const again = await bn("DELETE", "/api/v3/order", { symbol: "BTCUSDT", orderId: r.body.orderId as number }, { key });
    expect(again.body).toEqual({ code: -2011, msg: "Unknown order sent." });

    const native = await api<Json>("POST", "/api/orders", { token, body: { symbol: "BTCUSDT", side: "SELL", type: "LIMIT", amount: 0.001, price: 99000 } });
    expect(native.status).toBe(422); // no BTC to sell: nothing placed
    const nb = await api<Json>("POST", "/api/orders", { token, body: { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", amount: 0.001, price: 70000 } });
    const byNumber = await bn<Json>("DELETE", "/api/v3/order", { symbol: "BTCUSDT", orderId: nb.body.order_no as number }, { key });
    expect(byNumber.body).toMatchObject({ status: "CANCELED", type: "LIMIT", origQty: "0.00100000" });
  });

  it("newOrderRespType ACK, the seven types, and Binance's -2010 for a taking LIMIT_MAKER and a stop that would trigger", async () => {
    const { key } = await trader();
    const send = (p: Record<string, string>) => bn<Json>("POST", "/api/v3/order", { symbol: "BTCUSDT", ...p }, { key });
    const ack = await send({ side: "BUY", type: "LIMIT", timeInForce: "GTC", quantity: "0.001", price: "85000", newOrderRespType: "ACK" });
    expect(Object.keys(ack.body).sort()).toEqual(["clientOrderId", "orderId", "orderListId", "symbol", "transactTime"]);
    expect(typeof (await send({ side: "BUY", type: "LIMIT_MAKER", quantity: "0.001", price: "86000" })).body.orderId).toBe("number");
    expect((await send({ side: "BUY", type: "LIMIT_MAKER", quantity: "0.001", price: "91000" })).body).toEqual({ code: -2010, msg: "Order would immediately match and take." });
    const sl = await send({ side: "BUY", type: "STOP_LOSS", quantity: "0.001", stopPrice: "95000" });
    expect([typeof sl.body.orderId, typeof sl.body.clientOrderId]).toEqual(["number", "string"]);
    expect(sl.body).not.toHaveProperty("status"); // stop types answer ACK by default
    expect((await send({ side: "BUY", type: "TAKE_PROFIT", quantity: "0.001", stopPrice: "85000", newOrderRespType: "RESULT" })).body).toMatchObject({ type: "TAKE_PROFIT", status: "NEW", stopPrice: "85000.00000000" });
    expect((await send({ side: "BUY", type: "STOP_LOSS_LIMIT", quantity: "0.001", stopPrice: "95000", price: "95100", timeInForce: "GTC", newOrderRespType: "RESULT" })).body).toMatchObject({ type: "STOP_LOSS_LIMIT", status: "NEW", workingTime: -1 });
    expect((await send({ side: "BUY", type: "TAKE_PROFIT_LIMIT", quantity: "0.001", stopPrice: "85000", price: "85000", timeInForce: "GTC", newOrderRespType: "RESULT" })).body).toMatchObject({ type: "TAKE_PROFIT_LIMIT" });
    expect((await send({ side: "BUY", type: "STOP_LOSS", quantity: "0.001", trailingDelta: "100", newOrderRespType: "RESULT" })).body).toMatchObject({ type: "STOP_LOSS", trailingDelta: 100 });
    expect((await send({ side: "SELL", type: "STOP_LOSS", quantity: "0.001", stopPrice: "95000" })).body).toEqual({ code: -2010, msg: "Order would trigger immediately." });
    const ioc = await send({ side: "BUY", type: "LIMIT", timeInForce: "IOC", quantity: "0.001", price: "80000" });
    expect(ioc.body).toMatchObject({ status: "EXPIRED", timeInForce: "IOC" });
    // everything open now goes at once
    const all = await bn<Json[]>("DELETE", "/api/v3/openOrders", { symbol: "BTCUSDT" }, { key });
    expect(all.body).toHaveLength(7);
    expect(all.body.every((o) => o.status === "CANCELED")).toBe(true);
    expect((await bn<Json[]>("DELETE", "/api/v3/openOrders", { symbol: "BTCUSDT" }, { key })).body).toEqual([]);
  });

  it("a LIMIT resting here fills through the worker at its price (maker), as a native one does", async () => {
    const { token, key } = await trader();
    const r = await bn<Json>("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", timeInForce: "GTC", quantity: "0.01", price: "89000" }, { key });
    expect(r.body.status).toBe("NEW");
    live.set("88900");
    try {
      await waitFor(async () => (await nativeOrders(token))[0]?.status === "FILLED", "limit filled");
    } finally {
      live.set("90000");
    }
    expect((await nativeOrders(token))[0]).toMatchObject({ order_no: r.body.orderId, fill_price: 89000, maker: true });
    expect((await wallet(token)).balance).toMatchObject({ BTC: 0.01, USDT: 50000 - 890 - 0.89 });
    await tradeAt(server, api, "BTCUSDT", "90000");
  });

  it("signed parameters in the query, the body or both (the query's value wins), signed over the bytes as sent", async () => {
    const { key } = await trader();
    const inQuery = await bn<Json>("POST", "/api/v3/order/test", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" }, { key, in: "query" });
    expect(inQuery.status).toBe(200);
    const query = `symbol=BTCUSDT&side=SELL&timestamp=${Date.now()}`;
    const body = "side=HOLD&type=MARKET&quantity=0.01";
    const mixed = await bn<Json>("POST", "/api/v3/order/test", {}, {
      signed: false, headers: { "X-MBX-APIKEY": key.apiKey }, raw: { query, body: `${body}&signature=${sign(key.secretKey, query + body)}` },
    });
    expect(mixed.status).toBe(200); // side=HOLD in the body lost to the query's SELL
    expect(mixed.body).toEqual({});
    const options = await fetch(`${server.url}/api/v3/order`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("DELETE, GET, HEAD, OPTIONS, POST");
    expect(inQuery.headers.get("vary")).toContain("Origin");
  });

  it("order/test validates everything but the balance and places nothing; computeCommissionRates answers the rates", async () => {
    const { token, key } = await trader();
    const big = { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "100" };
    expect((await bn("POST", "/api/v3/order/test", big, { key })).body).toEqual({});
    const rates = await bn<Json>("POST", "/api/v3/order/test", { ...big, computeCommissionRates: "true" }, { key });
    expect(rates.body).toMatchObject({ standardCommissionForOrder: { maker: "0.00100000", taker: "0.00100000" }, taxCommissionForOrder: { maker: "0.00000000" } });
    expect((await bn("POST", "/api/v3/order/test", { ...big, quantity: "0.000001" }, { key })).body).toEqual({ code: -1013, msg: "Filter failure: LOT_SIZE" });
    expect(await nativeOrders(token)).toEqual([]);
    expect((await wallet(token)).balance.USDT).toBe(50000);
  });

  it("OCO: aboveType/belowType legs under one lock, -2010 for the wrong price order; DELETE orderList cancels both", async () => {
    const { token, key } = await trader();
    await freshWindow(10_000, 6_000); // the market order and the OCO count in one fixed 10 s window
    await bn("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.1" }, { key });
    const oco = {
      symbol: "BTCUSDT", side: "SELL", quantity: "0.1", aboveType: "LIMIT_MAKER", abovePrice: "95000",
      belowType: "STOP_LOSS_LIMIT", belowStopPrice: "85000", belowPrice: "84900", belowTimeInForce: "GTC", listClientOrderId: "exit-1",
    };
    const r = await bn<Json & { orders: Json[]; orderReports: Json[] }>("POST", "/api/v3/orderList/oco", oco, { key });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ contingencyType: "OCO", listStatusType: "EXEC_STARTED", listOrderStatus: "EXECUTING", listClientOrderId: "exit-1", symbol: "BTCUSDT" });
    expect(r.body.orderReports.map((o) => o.type)).toEqual(["LIMIT_MAKER", "STOP_LOSS_LIMIT"]);
    expect(r.body.orderListId).toBe(r.body.orders[0]!.orderId);
    expect(r.body.orderReports.every((o) => o.orderListId === r.body.orderListId)).toBe(true);
    expect(r.headers.get("x-mbx-order-count-10s")).toBe("3");
    expect((await wallet(token)).fixed_balance.BTC).toBe(0.1);
    const wrong = await bn("POST", "/api/v3/orderList/oco", { ...oco, abovePrice: "89000", listClientOrderId: "exit-2" }, { key });
    expect(wrong.body).toEqual({ code: -2010, msg: "The relationship of the prices for the orders is not correct." });
    const c = await bn<Json & { orderReports: Json[] }>("DELETE", "/api/v3/orderList", { symbol: "BTCUSDT", orderListId: r.body.orderListId as number }, { key });
    expect(c.body).toMatchObject({ orderListId: r.body.orderListId, listStatusType: "ALL_DONE", listOrderStatus: "ALL_DONE" });
    expect(c.body.orderReports.map((o) => o.status)).toEqual(["CANCELED", "CANCELED"]);
    expect((await wallet(token)).fixed_balance.BTC).toBe(0);
    expect((await bn("DELETE", "/api/v3/orderList", { symbol: "BTCUSDT", listClientOrderId: "exit-1" }, { key })).body).toEqual({ code: -2011, msg: "Unknown order sent." });
    // a BUY OCO: the stop above, the limit below; cancelling one leg ends the list
    const buy = await bn<Json & { orders: Json[] }>("POST", "/api/v3/orderList/oco", {
      symbol: "BTCUSDT", side: "BUY", quantity: "0.01", aboveType: "STOP_LOSS", aboveStopPrice: "95000", belowType: "LIMIT_MAKER", belowPrice: "85000",
    }, { key });
    expect(buy.body.listOrderStatus).toBe("EXECUTING");
    const leg = await bn<Json>("DELETE", "/api/v3/order", { symbol: "BTCUSDT", orderId: buy.body.orders[1]!.orderId as number }, { key });
    expect(leg.body).toMatchObject({ orderListId: buy.body.orderListId, listOrderStatus: "ALL_DONE" });
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("OCO with take-profit legs: a SELL TAKE_PROFIT_LIMIT above a STOP_LOSS fires at its stop price, rests at its limit, and ends the stop leg", async () => {
    const { token, key } = await trader();
    await freshWindow(10_000, 6_000); // the market order and the OCO count in one fixed 10 s window
    await bn("POST", "/api/v3/order", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.1" }, { key });
    const oco = {
      symbol: "BTCUSDT", side: "SELL", quantity: "0.1", aboveType: "TAKE_PROFIT_LIMIT", aboveStopPrice: "92000", abovePrice: "95000",
      aboveTimeInForce: "GTC", belowType: "STOP_LOSS", belowStopPrice: "85000", listClientOrderId: "tp-exit",
    };
    const r = await bn<Json & { orders: Json[]; orderReports: Json[] }>("POST", "/api/v3/orderList/oco", oco, { key });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ contingencyType: "OCO", listOrderStatus: "EXECUTING", listClientOrderId: "tp-exit" });
    expect(r.body.orderReports.map((o) => [o.type, o.price, o.stopPrice, o.timeInForce])).toEqual([
      ["TAKE_PROFIT_LIMIT", "95000.00000000", "92000.00000000", "GTC"],
      ["STOP_LOSS", "0.00000000", "85000.00000000", "GTC"],
    ]);
    expect((await wallet(token)).fixed_balance.BTC).toBe(0.1); // one lock for both legs
    // the take-profit's stop price is the leg's price in Binance's rule: SELL above > last > below
    const wrong = await bn("POST", "/api/v3/orderList/oco", { ...oco, aboveStopPrice: "89000", listClientOrderId: "tp-2" }, { key });
    expect(wrong.body).toEqual({ code: -2010, msg: "The relationship of the prices for the orders is not correct." });
    // the pairing rules: a SELL's profit leg is above, its stop below; a TAKE_PROFIT takes no price
    const swapped = await bn("POST", "/api/v3/orderList/oco", { ...oco, aboveType: "STOP_LOSS", belowType: "TAKE_PROFIT", listClientOrderId: "tp-3" }, { key });
    expect(swapped.body).toMatchObject({ code: -2010 });
    const { aboveTimeInForce: _tif, ...noTif } = oco;
    const extra = await bn("POST", "/api/v3/orderList/oco", { ...noTif, aboveType: "TAKE_PROFIT", listClientOrderId: "tp-4" }, { key });
    expect(extra.body).toEqual({ code: -1106, msg: "Parameter 'abovePrice' sent when not required." });
    // a trade at 92,000 fires the take-profit: it rests as a limit at 95,000 and the stop leg expires
    live.set("92500");
    try {
      await waitFor(async () => (await nativeOrders(token)).some((o) => o.status === "EXPIRED"), "stop leg expired");
    } finally {
      live.set("90000");
    }
    const list = await bn<Json & { orders: Json[] }>("GET", "/api/v3/orderList", { orderListId: r.body.orderListId as number }, { key });
    expect(list.body).toMatchObject({ listClientOrderId: "tp-exit", listOrderStatus: "EXECUTING" });
    const legs = await Promise.all(r.body.orders.map((o) => bn<Json>("GET", "/api/v3/order", { symbol: "BTCUSDT", orderId: o.orderId as number }, { key })));
    expect(legs.map((l) => [l.body.type, l.body.status])).toEqual([["TAKE_PROFIT_LIMIT", "NEW"], ["STOP_LOSS", "EXPIRED"]]);
    expect((await wallet(token)).fixed_balance.BTC).toBe(0.1);
    await bn("DELETE", "/api/v3/orderList", { symbol: "BTCUSDT", listClientOrderId: "tp-exit" }, { key });
    expect((await wallet(token)).fixed_balance.BTC).toBe(0);
    // a BUY OCO with a TAKE_PROFIT below the last price and a STOP_LOSS_LIMIT above it, each leg with its own client id
    const buy = await bn<Json & { orders: Json[]; orderReports: Json[] }>("POST", "/api/v3/orderList/oco", {
      symbol: "BTCUSDT", side: "BUY", quantity: "0.01", belowType: "TAKE_PROFIT", belowStopPrice: "86000", belowClientOrderId: "tp-leg",
      aboveType: "STOP_LOSS_LIMIT", aboveStopPrice: "94000", abovePrice: "94100", aboveTimeInForce: "GTC", aboveClientOrderId: "sl-leg",
      listClientOrderId: "buy-list",
    }, { key });
    expect(buy.status).toBe(200);
    expect(buy.body.orderReports.map((o) => [o.type, o.clientOrderId])).toEqual([["TAKE_PROFIT", "tp-leg"], ["STOP_LOSS_LIMIT", "sl-leg"]]);
    expect(buy.body.listClientOrderId).toBe("buy-list");
    // the lock is the dearer leg's: the stop-limit's 0.01 at 94,100 plus the fee
    expect((await wallet(token)).fixed_balance.USDT).toBeCloseTo(941 + 0.941, 6);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });

  it("listClientOrderId of an OCO whose legs have their own client ids: kept, in every orderList answer, and unique among open lists", async () => {
    const { key } = await trader();
    const oco = {
      symbol: "BTCUSDT", side: "BUY", quantity: "0.01", aboveType: "STOP_LOSS", aboveStopPrice: "95000", aboveClientOrderId: "my-stop",
      belowType: "LIMIT_MAKER", belowPrice: "85000", belowClientOrderId: "my-limit", listClientOrderId: "my-list",
    };
    const r = await bn<Json & { orders: Json[] }>("POST", "/api/v3/orderList/oco", oco, { key });
    expect(r.status).toBe(200);
    expect(r.body.listClientOrderId).toBe("my-list");
    expect(r.body.orders.map((o) => o.clientOrderId)).toEqual(["my-limit", "my-stop"]);
    const id = r.body.orderListId as number;
    expect((await bn<Json>("GET", "/api/v3/orderList", { orderListId: id }, { key })).body.listClientOrderId).toBe("my-list");
    expect((await bn<Json>("GET", "/api/v3/orderList", { origClientOrderId: "my-list" }, { key })).body.orderListId).toBe(id);
    expect((await bn<Json[]>("GET", "/api/v3/openOrderList", {}, { key })).body.map((l) => l.listClientOrderId)).toEqual(["my-list"]);
    expect((await bn<Json[]>("GET", "/api/v3/allOrderList", {}, { key })).body.map((l) => l.listClientOrderId)).toEqual(["my-list"]);
    const dup = await bn("POST", "/api/v3/orderList/oco", { ...oco, aboveClientOrderId: "other-stop", belowClientOrderId: "other-limit" }, { key });
    expect(dup.body).toEqual({ code: -2010, msg: "Duplicate order sent." });
    const c = await bn<Json>("DELETE", "/api/v3/orderList", { symbol: "BTCUSDT", listClientOrderId: "my-list" }, { key });
    expect(c.body).toMatchObject({ orderListId: id, listClientOrderId: "my-list", listOrderStatus: "ALL_DONE" });
    // closed, the id may be used again
    const again = await bn<Json>("POST", "/api/v3/orderList/oco", { ...oco, aboveClientOrderId: "s2", belowClientOrderId: "l2" }, { key });
    expect(again.body.listClientOrderId).toBe("my-list");
  });
});
