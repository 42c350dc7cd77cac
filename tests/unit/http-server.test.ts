import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { createHttpServer } from "@/lib/jobs/http-server";

// The limits createHttpServer puts on both processes' servers (server.ts, worker.ts); the timeouts are
// also exercised black-box against the real server in tests/integration/hardening-server.test.ts.

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

const start = async (limits: Parameters<typeof createHttpServer>[1]) => {
  server = createHttpServer((_req, res) => res.end("ok"), limits);
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
};

// Resolves with whether the server closed the connection within `ms`.
const closedWithin = (socket: net.Socket, ms: number) =>
  new Promise<boolean>((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    socket.once("close", () => {
      clearTimeout(t);
      resolve(true);
    });
  });

describe("the HTTP server's limits", () => {
  it("drops connections beyond maxConnections", async () => {
    const port = await start({ headersTimeoutMs: 0, requestTimeoutMs: 0, keepAliveTimeoutMs: 5000, maxConnections: 2 });
    const connect = () =>
      new Promise<net.Socket>((r) => {
        const s = net.connect(port, "127.0.0.1", () => r(s));
        s.on("error", () => undefined);
        s.resume();
      });
    const kept = [await connect(), await connect()];
    await new Promise((r) => setTimeout(r, 50));
    const third = await connect();
    expect(await closedWithin(third, 2000)).toBe(true);
    expect(await closedWithin(kept[0]!, 200)).toBe(false);
    for (const s of kept) s.destroy();
  });

  it("clamps a headers timeout longer than the request timeout instead of failing to start", async () => {
    const port = await start({ headersTimeoutMs: 60_000, requestTimeoutMs: 500, keepAliveTimeoutMs: 5000, maxConnections: 0 });
    expect(server?.headersTimeout).toBe(500);
    const s = net.connect(port, "127.0.0.1", () => s.write("GET / HTTP/1.1\r\nHost: x\r\n"));
    s.on("error", () => undefined);
    s.resume(); // a paused socket never notices the server's close
    expect(await closedWithin(s, 3000)).toBe(true);
  });
});
