// A frontend hosted on its own origin, in a real Chromium (which, unlike Node's fetch, enforces CORS): a page
// from an origin in CORS_ORIGINS makes the original frontend's calls with Bearer tokens and JSON bodies
// (preflighted); the same page from an origin not on the list is refused by the browser.
import http from "node:http";
import { test, expect } from "@playwright/test";
import { freePort, startTestServer, type TestServer } from "../support/test-server";

const PAGE = "<!doctype html><title>frontend</title><p>a frontend hosted apart</p>";

async function staticOrigin(): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(PAGE));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let api: TestServer;
let allowed: Awaited<ReturnType<typeof staticOrigin>>;
let foreign: Awaited<ReturnType<typeof staticOrigin>>;

test.beforeAll(async () => {
  [allowed, foreign] = await Promise.all([staticOrigin(), staticOrigin()]);
  api = await startTestServer({ CORS_ORIGINS: allowed.url });
});
test.afterAll(async () => {
  await api?.close();
  await allowed?.close();
  await foreign?.close();
});

// What the original frontend does after sign-up: log in, read the wallet, add and remove a watchlist symbol,
// refresh with its first refresh token twice in parallel.
async function originalCalls(base: string) {
  const email = `xorigin${Date.now()}@example.com`;
  const json = { "Content-Type": "application/json" };
  const reg = await fetch(`${base}/register`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ email, password: "correct horse battery", name: "Far Away", age: 30, country: "ES", PhoneNo: "+34 600000000" }),
  });
  const login = await fetch(`${base}/login`, { method: "POST", headers: json, body: JSON.stringify({ email, password: "correct horse battery" }) });
  const tokens = (await login.json()) as { access_token: string; refresh_token: string };
  const bearer = { Authorization: `Bearer ${tokens.access_token}` };
  const wallet = (await (await fetch(`${base}/wallet?email=${email}`, { headers: bearer })).json()) as { profit: number };
  const add = await fetch(`${base}/watchlist/BTCUSDT`, { method: "POST", headers: { ...json, ...bearer }, body: JSON.stringify({ email }) });
  const del = await fetch(`${base}/watchlist/BTCUSDT?email=${email}`, { method: "DELETE", headers: bearer, body: JSON.stringify({ email }) });
  const refreshes = await Promise.all(
    [1, 2].map(() => fetch(`${base}/reauth`, { headers: { Authorization: `Bearer ${tokens.refresh_token}`, "Content-Type": "application/json" } })),
  );
  const wrong = await fetch(`${base}/password/change`, {
    method: "POST",
    headers: { ...json, ...bearer },
    body: JSON.stringify({ email, password: "not my password", new_password: "another long one" }),
  });
  const wrongBody = (await wrong.json()) as { error?: string };
  return {
    statuses: [reg.status, login.status, add.status, del.status, ...refreshes.map((r) => r.status), wrong.status],
    profit: wallet.profit,
    error: wrongBody.error,
  };
}

test("a frontend on an allowed origin signs in and trades through the API with Bearer tokens", async ({ page }) => {
  await page.goto(allowed.url);
  const result = await page.evaluate(originalCalls, `${api.url}/api`);
  expect(result.statuses).toEqual([201, 200, 201, 200, 200, 200, 403]);
  expect(result.profit).toBe(50000);
  expect(result.error).toBe("The current password is incorrect.");
});

test("the browser refuses the same calls from an origin not in CORS_ORIGINS", async ({ page }) => {
  await page.goto(foreign.url);
  const outcome = await page.evaluate(async (base) => {
    try {
      await fetch(`${base}/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      return "answered";
    } catch (e) {
      return e instanceof TypeError ? "blocked" : "other error";
    }
  }, `${api.url}/api`);
  expect(outcome).toBe("blocked");
});
