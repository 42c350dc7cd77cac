// The bad-input corpus of the Binance dialect (binance-api.md §3, §8): every malformed, unsigned,
// mis-signed, out-of-window, mistyped, over-precise, filter-failing or unpermitted request gets
// Binance's 4xx {code, msg} - never a 5xx - and not one unit of any balance moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, newUser, type Api } from "../support/api-client";
import { binanceClient, newApiKey, sign, type BinanceKey, type BinanceSend, type SendOptions } from "../support/binance-signer";
import { ledgerMismatches } from "../support/db-query";
import { keepMarketLive, tradeAt } from "../support/market-moves";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let api: Api;
let bn: BinanceSend;
let live: ReturnType<typeof keepMarketLive>;
let token: string;
let key: BinanceKey;
let readOnly: BinanceKey;
let revoked: BinanceKey;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
  bn = binanceClient(server.url);
  await tradeAt(server, api, "BTCUSDT", "90000");
  live = keepMarketLive(server, "BTCUSDT", "90000");
  const u = await newUser(api, "bnbad");
  token = u.token;
  key = await newApiKey(api, token);
  readOnly = await newApiKey(api, token, false);
  const gone = await newApiKey(api, token);
  expect((await api("DELETE", `/api/keys/${gone.id}`, { token })).status).toBe(200);
  revoked = gone;
});
afterAll(async () => {
  live?.stop();
  await server?.close();
});

type Params = Record<string, string | number>;
interface Case {
  name: string;
  method?: string;
  path?: string;
  params?: Params;
  opts?: () => SendOptions;
  status: number;
  code: number;
  msg?: string | RegExp;
}

const order = (p: Params = {}): Params => ({ symbol: "BTCUSDT", side: "BUY", type: "LIMIT", timeInForce: "GTC", quantity: "0.01", price: "80000", ...p });
const without = (p: Params, ...names: string[]) => Object.fromEntries(Object.entries(p).filter(([k]) => !names.includes(k)));
const signedRaw = (query: string): SendOptions => ({ signed: false, raw: { query: `${query}&signature=${sign(key.secretKey, query)}` }, headers: { "X-MBX-APIKEY": key.apiKey } });

const CASES: Case[] = [
  // the key and the signature, in Binance's order of checks (§3)
  { name: "no API key header", opts: () => ({ signed: false }), status: 401, code: -2014, msg: "API-key format invalid." },
  { name: "a malformed API key", opts: () => ({ headers: { "X-MBX-APIKEY": "not-a-key" }, signed: false }), status: 401, code: -2014 },
  { name: "an unknown API key", opts: () => ({ key: { apiKey: "A".repeat(64), secretKey: key.secretKey } }), status: 401, code: -2015 },
  { name: "a revoked API key", opts: () => ({ key: revoked }), status: 401, code: -2015, msg: "Invalid API-key, IP, or permissions for action." },
  { name: "a READ key placing an order", opts: () => ({ key: readOnly }), status: 401, code: -2015 },
  { name: "a READ key cancelling", method: "DELETE", params: { symbol: "BTCUSDT", orderId: 1 }, opts: () => ({ key: readOnly }), status: 401, code: -2015 },
  { name: "no timestamp", opts: () => ({ signed: false, headers: { "X-MBX-APIKEY": key.apiKey }, raw: { body: "symbol=BTCUSDT&signature=00" } }), status: 400, code: -1102 },
  { name: "no signature", opts: () => ({ signed: false, headers: { "X-MBX-APIKEY": key.apiKey }, raw: { body: `symbol=BTCUSDT&timestamp=${Date.now()}` } }), status: 400, code: -1102, msg: /'signature'/ },
  { name: "recvWindow above 60000", params: order({ recvWindow: 60001 }), opts: () => ({ key }), status: 400, code: -1130 },
  { name: "recvWindow not a number", params: order({ recvWindow: "abc" }), opts: () => ({ key }), status: 400, code: -1130 },
  { name: "a timestamp older than recvWindow", params: order({ timestamp: Date.now() - 10_000 }), opts: () => ({ key }), status: 400, code: -1021 },
  // CASES are built at import, long before a case runs: this timestamp must stay ahead of the clock all along.
  { name: "a timestamp from the future", params: order({ timestamp: Date.now() + 600_000 }), opts: () => ({ key }), status: 400, code: -1021 },
  { name: "a wrong signature", params: order(), opts: () => ({ key, signature: "0".repeat(64) }), status: 400, code: -1022, msg: "Signature for this request is not valid." },
  { name: "a signature that is not hex", params: order(), opts: () => ({ key, signature: "zz" }), status: 400, code: -1022 },
  { name: "a signature by another secret", params: order(), opts: () => ({ key: { apiKey: key.apiKey, secretKey: readOnly.secretKey } }), status: 400, code: -1022 },
  { name: "a body changed after signing", params: order(), opts: () => {
    const body = new URLSearchParams({ ...order(), timestamp: String(Date.now()) }).toString();
    return { signed: false, headers: { "X-MBX-APIKEY": key.apiKey }, raw: { body: `${body.replace("0.01", "0.02")}&signature=${sign(key.secretKey, body)}` } };
  }, status: 400, code: -1022 },
  // parameters (§8)
  { name: "a duplicated parameter", opts: () => signedRaw(`symbol=BTCUSDT&symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&timestamp=${Date.now()}`), status: 400, code: -1101 },
  { name: "a missing symbol", params: without(order(), "symbol"), opts: () => ({ key }), status: 400, code: -1102, msg: /'symbol'/ },
  { name: "a missing side", params: without(order(), "side"), opts: () => ({ key }), status: 400, code: -1102, msg: /'side'/ },
  { name: "an empty quantity", params: order({ quantity: "" }), opts: () => ({ key }), status: 400, code: -1102, msg: /'quantity'/ },
  { name: "an unknown symbol", params: order({ symbol: "DOGEUSDT" }), opts: () => ({ key }), status: 400, code: -1121, msg: "Invalid symbol." },
  { name: "a lower-case symbol", params: order({ symbol: "btcusdt" }), opts: () => ({ key }), status: 400, code: -1121 },
  { name: "an unknown side", params: order({ side: "HOLD" }), opts: () => ({ key }), status: 400, code: -1117, msg: "Invalid side." },
  { name: "an unknown type", params: order({ type: "ICEBERG" }), opts: () => ({ key }), status: 400, code: -1116, msg: "Invalid orderType." },
  { name: "an unknown timeInForce", params: order({ timeInForce: "GTD" }), opts: () => ({ key }), status: 400, code: -1115, msg: "Invalid timeInForce." },
  { name: "a quantity that is not a decimal", params: order({ quantity: "abc" }), opts: () => ({ key }), status: 400, code: -1100, msg: /'quantity'/ },
  { name: "a negative quantity", params: order({ quantity: "-1" }), opts: () => ({ key }), status: 400, code: -1100 },
  { name: "an exponent quantity", params: order({ quantity: "1e-2" }), opts: () => ({ key }), status: 400, code: -1100 },
  { name: "a very long quantity", params: order({ quantity: "1".repeat(5000) }), opts: () => ({ key }), status: 400, code: -1100 },
  { name: "a price with 9 decimals", params: order({ price: "80000.000000001" }), opts: () => ({ key }), status: 400, code: -1111, msg: "Precision is over the maximum defined for this asset." },
  { name: "trailingDelta not an integer", params: order({ type: "STOP_LOSS", stopPrice: "", trailingDelta: "1.5", price: "", timeInForce: "" }), opts: () => ({ key }), status: 400, code: -1100 },
  { name: "a bad newClientOrderId", params: order({ newClientOrderId: "no spaces" }), opts: () => ({ key }), status: 400, code: -1100 },
  { name: "a newClientOrderId of 37 characters", params: order({ newClientOrderId: "a".repeat(37) }), opts: () => ({ key }), status: 400, code: -1100 },
  { name: "an unknown newOrderRespType", params: order({ newOrderRespType: "ALL" }), opts: () => ({ key }), status: 400, code: -1100 },
  { name: "LIMIT without price", params: without(order(), "price"), opts: () => ({ key }), status: 400, code: -1102, msg: /'price'/ },
  { name: "LIMIT without timeInForce", params: without(order(), "timeInForce"), opts: () => ({ key }), status: 400, code: -1102 },
  { name: "MARKET with a price", params: order({ type: "MARKET", timeInForce: "" }), opts: () => ({ key }), status: 400, code: -1106, msg: "Parameter 'price' sent when not required." },
  { name: "MARKET with quantity and quoteOrderQty", params: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01", quoteOrderQty: "100" }, opts: () => ({ key }), status: 400, code: -1106 },
  { name: "MARKET with neither amount", params: { symbol: "BTCUSDT", side: "BUY", type: "MARKET" }, opts: () => ({ key }), status: 400, code: -1102 },
  { name: "LIMIT_MAKER with timeInForce", params: order({ type: "LIMIT_MAKER" }), opts: () => ({ key }), status: 400, code: -1106 },
  { name: "LIMIT with a stopPrice", params: order({ stopPrice: "70000" }), opts: () => ({ key }), status: 400, code: -1106 },
  { name: "STOP_LOSS without stopPrice or trailingDelta", params: { symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS", quantity: "0.01" }, opts: () => ({ key }), status: 400, code: -1102 },
  { name: "an iceberg", params: order({ icebergQty: "0.001" }), opts: () => ({ key }), status: 400, code: -2010 },
  // filters (§4)
  { name: "a quantity below the lot step", params: order({ quantity: "0.000001" }), opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: LOT_SIZE" },
  { name: "a quantity off the lot step", params: order({ quantity: "0.000015" }), opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: LOT_SIZE" },
  { name: "a zero quantity", params: order({ quantity: "0" }), opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: LOT_SIZE" },
  { name: "a quantity above maxQty", params: order({ quantity: "1000000001" }), opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: LOT_SIZE" },
  { name: "a price off the tick", params: order({ price: "80000.001" }), opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: PRICE_FILTER" },
  { name: "a stopPrice off the tick", params: { symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS", quantity: "0.01", stopPrice: "80000.005" }, opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: PRICE_FILTER" },
  { name: "an order worth less than minNotional", params: order({ quantity: "0.00005" }), opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: NOTIONAL" },
  { name: "a market order worth less than minNotional", params: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quoteOrderQty: "4.99" }, opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: NOTIONAL" },
  { name: "a trailingDelta below 10", params: { symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS", quantity: "0.01", trailingDelta: "5" }, opts: () => ({ key }), status: 400, code: -1013, msg: "Filter failure: TRAILING_DELTA" },
  // rules and the balance (§6)
  { name: "more than the balance", params: order({ quantity: "1" }), opts: () => ({ key }), status: 400, code: -2010, msg: "Account has insufficient balance for requested action." },
  { name: "a market sell of a coin not held", params: { symbol: "BTCUSDT", side: "SELL", type: "MARKET", quantity: "0.01" }, opts: () => ({ key }), status: 400, code: -2010 },
  { name: "cancelling an unknown order", method: "DELETE", params: { symbol: "BTCUSDT", orderId: 999999 }, opts: () => ({ key }), status: 400, code: -2011, msg: "Unknown order sent." },
  { name: "cancelling without an order id", method: "DELETE", params: { symbol: "BTCUSDT" }, opts: () => ({ key }), status: 400, code: -1102 },
  { name: "cancelling an unknown order list", method: "DELETE", path: "/api/v3/orderList", params: { symbol: "BTCUSDT", orderListId: 999999 }, opts: () => ({ key }), status: 400, code: -2011 },
  { name: "an OCO with a leg type not offered", path: "/api/v3/orderList/oco", params: { symbol: "BTCUSDT", side: "SELL", quantity: "0.01", aboveType: "TAKE_PROFIT", aboveStopPrice: "95000", belowType: "STOP_LOSS", belowStopPrice: "85000" }, opts: () => ({ key }), status: 400, code: -2010 },
  { name: "an OCO without its stop price", path: "/api/v3/orderList/oco", params: { symbol: "BTCUSDT", side: "SELL", quantity: "0.01", aboveType: "LIMIT_MAKER", abovePrice: "95000", belowType: "STOP_LOSS" }, opts: () => ({ key }), status: 400, code: -1102 },
  { name: "an order test with a bad filter", path: "/api/v3/order/test", params: order({ price: "0.001" }), opts: () => ({ key }), status: 400, code: -1013 },
  // market data (§5)
  { name: "klines with an unknown interval", method: "GET", path: "/api/v3/klines", params: { symbol: "BTCUSDT", interval: "2m" }, status: 400, code: -1120 },
  { name: "klines with a limit above 1000", method: "GET", path: "/api/v3/klines", params: { symbol: "BTCUSDT", interval: "1h", limit: 1001 }, status: 400, code: -1130 },
  { name: "depth with limit 0", method: "GET", path: "/api/v3/depth", params: { symbol: "BTCUSDT", limit: 0 }, status: 400, code: -1130 },
  { name: "depth without a symbol", method: "GET", path: "/api/v3/depth", params: {}, status: 400, code: -1102 },
  { name: "symbols that are not a JSON list", method: "GET", path: "/api/v3/ticker/price", params: { symbols: "[BTCUSDT" }, status: 400, code: -1100 },
  { name: "symbol and symbols together", method: "GET", path: "/api/v3/ticker/price", params: { symbol: "BTCUSDT", symbols: '["BTCUSDT"]' }, status: 400, code: -1128 },
  { name: "startTime not a number", method: "GET", path: "/api/v3/klines", params: { symbol: "BTCUSDT", interval: "1h", startTime: "yesterday" }, status: 400, code: -1100 },
  // the listenKey calls (USER_STREAM: the key header alone)
  { name: "a listenKey without an API key", path: "/api/v3/userDataStream", params: {}, status: 401, code: -2014 },
  { name: "a listenKey for a revoked API key", path: "/api/v3/userDataStream", params: {}, opts: () => ({ key: revoked, signed: false }), status: 401, code: -2015 },
  { name: "a keep-alive without its listenKey", method: "PUT", path: "/api/v3/userDataStream", params: {}, opts: () => ({ key, signed: false }), status: 400, code: -1102 },
  { name: "a keep-alive of a listenKey that does not exist", method: "PUT", path: "/api/v3/userDataStream", params: { listenKey: "A".repeat(64) }, opts: () => ({ key, signed: false }), status: 400, code: -1125, msg: "This listenKey does not exist." },
  { name: "closing a listenKey of 65 characters", method: "DELETE", path: "/api/v3/userDataStream", params: { listenKey: "A".repeat(65) }, opts: () => ({ key, signed: false }), status: 400, code: -1125 },
  { name: "a listenKey given twice", method: "PUT", path: "/api/v3/userDataStream", params: {}, opts: () => ({ key, signed: false, raw: { query: "listenKey=a&listenKey=b" } }), status: 400, code: -1101 },
];

describe("Binance bad-input corpus", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const r = await bn(c.method ?? "POST", c.path ?? "/api/v3/order", c.params ?? order(), c.opts?.() ?? {});
    expect(r.status, JSON.stringify(r.body)).toBe(c.status);
    expect(Object.keys(r.body as object).sort()).toEqual(["code", "msg"]);
    const body = r.body as { code: number; msg: string };
    expect(body.code, body.msg).toBe(c.code);
    if (typeof c.msg === "string") expect(body.msg).toBe(c.msg);
    else if (c.msg) expect(body.msg).toMatch(c.msg);
    expect(r.headers.get("x-mbx-used-weight-1m")).toMatch(/^\d+$/);
  });

  it("a body over the limit is refused without reading it all", async () => {
    const r = await bn("POST", "/api/v3/order", {}, { signed: false, headers: { "X-MBX-APIKEY": key.apiKey }, raw: { body: `symbol=${"A".repeat(20_000)}` } });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: -1101 });
  });

  it("after the whole corpus: no order exists and not one unit moved", async () => {
    const w = (await api<{ balance: Record<string, number>; fixed_balance: Record<string, number> }>("GET", "/api/wallet", { token })).body;
    expect(w.balance).toMatchObject({ USDT: 50000 });
    expect(Object.values(w.fixed_balance).every((v) => v === 0)).toBe(true);
    expect((await api<{ orders: unknown[] }>("GET", "/api/orders?status=all", { token })).body.orders).toEqual([]);
    expect(await ledgerMismatches(server.db.url)).toEqual([]);
  });
});
