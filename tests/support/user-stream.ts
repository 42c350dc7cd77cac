// A bot's side of Binance's user data stream, written from Binance's docs (not from our server): one
// /ws-api/v3 socket, requests {id, method, params}, userDataStream.subscribe.signature signed with
// HMAC-SHA256 over the other params sorted by name. Records every answer and event it receives.
import { createHmac } from "node:crypto";
import WebSocket from "ws";
import { messageText } from "@/lib/market/ws-message-text";
import { waitFor } from "./wait-for";

export type StreamMessage = Record<string, unknown>;
export type StreamEvent = Record<string, unknown> & { e: string };

/** Binance's WebSocket API signature: hex HMAC-SHA256 of `k=v&…` over the params sorted by name. */
export function signParams(params: Record<string, string | number>, secret: string): Record<string, string | number> {
  const payload = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  return { ...params, signature: createHmac("sha256", secret).update(payload).digest("hex") };
}

export async function openUserStream(baseUrl: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/ws-api/v3`);
  const got: StreamMessage[] = [];
  ws.on("message", (m) => got.push(JSON.parse(messageText(m)) as StreamMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  let nextId = 1;
  const request = async (method: string, params?: Record<string, unknown>): Promise<StreamMessage> => {
    const id = `req-${nextId++}`;
    ws.send(JSON.stringify({ id, method, ...(params ? { params } : {}) }));
    return waitFor(async () => got.find((m) => m.id === id), `answer to ${method}`);
  };
  const events = (subscriptionId?: number): StreamEvent[] =>
    got.filter((m) => "event" in m && (subscriptionId === undefined || m.subscriptionId === subscriptionId)).map((m) => m.event as StreamEvent);
  return {
    ws,
    got,
    request,
    events,
    /** subscribes with an HMAC key; resolves to the whole answer */
    subscribe: (apiKey: string, secret: string, extra: Record<string, string | number> = {}) =>
      request("userDataStream.subscribe.signature", signParams({ apiKey, timestamp: Date.now(), ...extra }, secret)),
    /** waits until `count` events matching `match` arrived; returns them */
    waitForEvents: (match: (e: StreamEvent) => boolean, count = 1, what = "events") =>
      waitFor(async () => {
        const found = events().filter(match);
        return found.length >= count ? found : undefined;
      }, what),
    close: () => ws.close(),
  };
}

export type UserStream = Awaited<ReturnType<typeof openUserStream>>;

/** The retired listenKey stream: /ws/<listenKey>, Binance's events as they are (no wrapper, no requests). */
export async function openListenKeyStream(baseUrl: string, listenKey: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/ws/${listenKey}`);
  const got: StreamEvent[] = [];
  let closed = false;
  ws.on("message", (m) => got.push(JSON.parse(messageText(m)) as StreamEvent));
  ws.on("close", () => (closed = true));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return {
    events: () => got,
    waitForEvents: (match: (e: StreamEvent) => boolean, count = 1, what = "events") =>
      waitFor(async () => {
        const found = got.filter(match);
        return found.length >= count ? found : undefined;
      }, what),
    waitForClose: () => waitFor(async () => closed, "the stream's close"),
    close: () => ws.close(),
  };
}

/** The HTTP answer to an upgrade the server refused: status and JSON body. */
export function refusedUpgrade(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, "ws"));
    ws.on("open", () => {
      ws.close();
      reject(new Error("the upgrade was accepted"));
    });
    ws.on("unexpected-response", (_req, res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    ws.on("error", () => undefined);
  });
}
