// METRICS_TOKEN: with it set, the app's /api/metrics and the worker's /metrics answer only a scraper that
// sends it as a Bearer token (401 in the native error shape otherwise); the health checks stay open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { freePort, spawnServer, startTestServer, stopChild, type TestServer } from "../support/test-server";
import { waitFor } from "../support/wait-for";

const TOKEN = "scrape-token-0123456789";
let server: TestServer;
let worker: ChildProcess;
let workerUrl: string;
const workerLogs: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ METRICS_TOKEN: TOKEN });
  const port = await freePort();
  workerUrl = `http://127.0.0.1:${port}`;
  worker = spawnServer({ ...server.env, PORT: String(port) }, workerLogs, "worker.ts");
  await waitFor(async () => (await fetch(`${workerUrl}/healthz`).catch(() => null))?.ok, `the worker on ${port}: ${workerLogs.join("")}`, 60_000);
}, 120_000);
afterAll(async () => {
  if (worker) await stopChild(worker);
  await server?.close();
});

const scrape = (url: string, authorization?: string) => fetch(url, { headers: authorization ? { authorization } : {} });

describe("METRICS_TOKEN", () => {
  it("the app's /api/metrics: 401 without the token or with another, the metrics with it", async () => {
    for (const auth of [undefined, "Bearer wrong-token-0123456789", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const r = await scrape(`${server.url}/api/metrics`, auth);
      expect(r.status, String(auth)).toBe(401);
      expect(await r.json()).toMatchObject({ code: "UNAUTHENTICATED" });
      expect(r.headers.get("www-authenticate")).toBe("Bearer");
    }
    const ok = await scrape(`${server.url}/api/metrics`, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^compraventa_/m);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("the worker's /metrics: the same rule; /healthz stays open", async () => {
    const refused = await scrape(`${workerUrl}/metrics`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
    expect((await scrape(`${workerUrl}/api/metrics`, "Bearer nope-nope-nope-nope")).status).toBe(401);
    const ok = await scrape(`${workerUrl}/metrics`, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^compraventa_/m);
    expect((await fetch(`${workerUrl}/healthz`)).status).toBe(200);
  });

  it("the worker's other answers: 404 and 405 in the native error shape, with its error field", async () => {
    const missing = await fetch(`${workerUrl}/api/markets`);
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as { code: string; message: string; error: string };
    expect(body.code).toBe("NOT_FOUND");
    expect(body.message).toMatch(/market worker/);
    expect(body.error).toBe(body.message);
    const posted = await fetch(`${workerUrl}/healthz`, { method: "POST" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET");
    expect(await posted.json()).toMatchObject({ code: "METHOD_NOT_ALLOWED", error: "Only GET is served here." });
  });
});
