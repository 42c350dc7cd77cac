// A trailing stop's watermark outlives the worker: its moves are written to the order row (at most once a
// second, and at shutdown), a restarted server resumes from it, and the owner's /ws hears every move as
// an {"type":"order"} change with the new trigger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, newUser, type Api } from "../support/api-client";
import { queryDb } from "../support/db-query";
import { tradeAt } from "../support/market-moves";
import { waitFor } from "../support/wait-for";

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
});
afterAll(async () => server?.close());

type Order = { order_id: string; status: string; trigger_price: number | null; fill_price: number | null };
const get = async (token: string, id: string) => (await api<Order>("GET", `/api/orders/${id}`, { token })).body;

function openSocket(token: string): Promise<{ ws: WebSocket; got: Record<string, unknown>[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/ws`);
    const got: Record<string, unknown>[] = [];
    ws.on("message", (m: Buffer) => got.push(JSON.parse(m.toString()) as Record<string, unknown>));
    ws.once("open", () => {
      ws.send(JSON.stringify({ type: "auth", token }));
      resolve({ ws, got });
    });
    ws.once("error", reject);
  });
}

describe("trailing stop watermark", () => {
  it("pushes the trigger's move to the owner's socket and resumes from the recorded high after a restart", async () => {
    await tradeAt(server, api, "BTCUSDT", "90000");
    const u = await newUser(api);
    await api("POST", "/api/orders", { token: u.token, body: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", amount: 0.1 } });
    const placed = await api<Order>("POST", "/api/orders", {
      token: u.token, body: { symbol: "BTCUSDT", side: "SELL", type: "STOP_LOSS", amount: 0.1, trailing_delta: 100 },
    });
    expect(placed.body).toMatchObject({ status: "NEW", trigger_price: 89100 });
    const id = placed.body.order_id;
    const socket = await openSocket(u.token);
    await waitFor(async () => socket.got.find((m) => m.type === "authenticated"), "socket auth");

    // New highs: the trigger follows, live on the socket (no polling), and the row records the high.
    await tradeAt(server, api, "BTCUSDT", "93000");
    await tradeAt(server, api, "BTCUSDT", "95000");
    const pushed = await waitFor(
      async () => socket.got.find((m) => m.type === "order" && (m.order as Order).order_id === id && (m.order as Order).trigger_price === 94050),
      "the trigger move on the socket",
    );
    expect(pushed).toMatchObject({ order: { status: "NEW", trigger_price: 94050 } });
    await waitFor(async () => {
      const [row] = await queryDb<{ watermark: unknown }>(server.db.url, `SELECT "watermark" FROM "Order" WHERE "id" = ?`, [id]);
      return row && BigInt(String(row.watermark)) === 9_500_000_000_000n;
    }, "the watermark on the order row");
    socket.ws.close();

    // A restart: the worker re-arms the stop from its row, so the trigger is still 95000 x 0.99.
    await server.restart();
    await tradeAt(server, api, "BTCUSDT", "94100");
    expect(await get(u.token, id)).toMatchObject({ status: "NEW", trigger_price: 94050 });
    // 94000 is below the recorded trigger (it would not be below 90000's 89100): it fires there.
    await tradeAt(server, api, "BTCUSDT", "94000");
    await waitFor(async () => (await get(u.token, id)).status === "FILLED", "the trailing stop fills");
    expect(await get(u.token, id)).toMatchObject({ fill_price: 94000 });
  });
});
