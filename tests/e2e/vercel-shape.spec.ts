// The Vercel shape in a real Chromium: `next start` alone (no custom server, no /ws of its own) plus
// `npm run worker`, on PostgreSQL. The app is built as Vercel builds it, with NEXT_PUBLIC_WS_URL naming the
// worker's socket (its own build folder, .next-vercel). Every page renders, sign-in works, a market order is
// priced from the worker's recorded prices, and the browser's prices and fill come over the worker's /ws.
// Run with TEST_DB=postgres (skipped otherwise).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type WebSocket as PageSocket } from "@playwright/test";
import { startApp, startWorker, type Proc } from "../support/cluster";
import { FakeBinance } from "../support/fake-binance";
import { freePort } from "../support/test-server";
import { serverEnv } from "../support/server-env";
import { createTestDatabase, TEST_DB, type TestDatabase } from "../support/test-database";
import { newEmail, PASSWORD } from "./fixtures";

test.skip(TEST_DB !== "postgres", "the Vercel shape runs on PostgreSQL (TEST_DB=postgres)");
test.describe.configure({ mode: "serial" });

const DIST = ".next-vercel";
let db: TestDatabase;
let binance: FakeBinance;
let worker: Proc;
let app: Proc;
let beat: NodeJS.Timeout;
const prices = new Map([["BTCUSDT", "90000.5"], ["ETHUSDT", "3000.25"]]);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const [workerPort, appPort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const wsUrl = `ws://127.0.0.1:${workerPort}/ws`;
  // Built as Vercel builds: NEXT_PUBLIC_* at build time (the CSP's connect-src and the page's socket URL).
  const tsconfig = fs.readFileSync("tsconfig.json", "utf8");
  try {
    execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST, NEXT_PUBLIC_WS_URL: wsUrl, APP_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
  } finally {
    fs.writeFileSync("tsconfig.json", tsconfig); // next build rewrites it
  }
  [db, binance] = await Promise.all([createTestDatabase(), FakeBinance.start()]);
  for (const [s, p] of prices) binance.setPrice(s, p);
  const env = serverEnv(db, binance, { APP_URL: appUrl, NEXT_PUBLIC_WS_URL: wsUrl, NEXT_DIST_DIR: DIST });
  beat = setInterval(() => {
    for (const [s, p] of prices) binance.trade(s, p);
  }, 300);
  worker = await startWorker(env, workerPort);
  app = await startApp(env, "next", appPort);
  // The app has no feed: it waits for the worker's recorded prices.
  await expect
    .poll(async () => ((await (await fetch(`${app.url}/api/health`)).json()) as { stale: boolean }).stale, { timeout: 20_000 })
    .toBe(false);
});

test.afterAll(async () => {
  clearInterval(beat);
  await Promise.all([app?.stop(), worker?.stop()]);
  await binance?.close();
  await db?.drop();
});

test("next start + worker: pages, sign-in, orders priced from recorded prices, prices and fills over the worker's /ws", async ({ page }) => {
  const email = newEmail("vercel");
  const sockets: PageSocket[] = [];
  const frames: string[] = [];
  page.on("websocket", (ws) => {
    sockets.push(ws);
    ws.on("framereceived", (f) => frames.push(typeof f.payload === "string" ? f.payload : f.payload.toString()));
  });

  await test.step("the signed-out pages render", async () => {
    for (const path of ["/", "/login", "/register", "/learn", "/support"]) {
      const r = await page.goto(`${app.url}${path}`);
      expect(r?.status(), path).toBe(200);
    }
  });

  await test.step("sign in", async () => {
    const r = await page.request.post(`${app.url}/api/register`, { data: { email, password: PASSWORD, name: "Vercel Val", age: 30, country: "Spain", PhoneNo: "+34 600 000 000" } });
    expect(r.status()).toBe(201);
    await page.goto(`${app.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
  });

  await test.step("the dashboard's live prices come over the worker's socket", async () => {
    await expect(page.getByTestId("price-BTCUSDT").first()).toHaveText(/90,000\.50/);
    await expect.poll(() => sockets.map((s) => s.url())).toContain(`ws://127.0.0.1:${worker.port}/ws`);
    await expect.poll(() => frames.some((f) => f.includes('"type":"tick"') && f.includes("BTCUSDT"))).toBe(true);
  });

  await test.step("every signed-in page renders", async () => {
    for (const path of ["/wallet", "/orders", "/leaderboard", "/profile", "/news", "/predict", "/dashboard"]) {
      const r = await page.goto(`${app.url}${path}`);
      expect(r?.status(), path).toBe(200);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    }
  });

  await test.step("a market order is priced from the worker's recorded price", async () => {
    await page.getByLabel("Amount (BTC)").fill("0.01");
    await page.getByRole("button", { name: "Buy BTC" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Bought 0.01 BTC at 90,000.50" })).toBeVisible();
  });

  await test.step("a stop placed on the app is filled by the worker; the fill arrives over the worker's socket", async () => {
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("button", { name: "Sell", exact: true }).click();
    await page.getByLabel("Amount (BTC)").fill("0.005");
    await page.getByLabel("Stop price (USDT)").fill("89000");
    await page.getByRole("button", { name: "Place stop to Sell BTC" }).click();
    await expect(page.getByTestId("open-order")).toHaveCount(1);
    prices.set("BTCUSDT", "88900");
    await expect(page.getByTestId("fill-toast")).toContainText("Order filled");
    expect(frames.some((f) => f.includes('"type":"fill"'))).toBe(true);
    await expect(page.getByTestId("open-order")).toHaveCount(0);
  });
});
