// Web hardening in a real Chromium against the real server: the pages work under their
// Content-Security-Policy (no violation reported, the chart draws, live prices arrive over /ws), no page
// can be framed by another origin, /predict hydrates without a React error, and Learn, the FAQ and the
// support assistant are readable signed out.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, newEmail, registerByApi, signIn, test } from "./fixtures";

interface Watch {
  /** console errors, page errors and CSP violations seen so far */
  problems: string[];
  violations(): Promise<string[]>;
}

// Records every console error, uncaught page error and securitypolicyviolation event of `page`.
async function watch(page: Page): Promise<Watch> {
  const problems: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error" || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    problems,
    violations: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  };
}

test("the signed-in pages work under the Content-Security-Policy: chart, live prices over /ws, wallet, predict", async ({ page, market }) => {
  const seen = await watch(page);
  const email = newEmail("csp");
  await registerByApi(page, email);
  await signIn(page, email);

  const res = await page.goto("/dashboard");
  const csp = res?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");

  // The chart drew its canvas and left no loading / error overlay.
  const chart = page.getByRole("img", { name: /Candlestick chart of BTCUSDT/ });
  await expect(chart.locator("canvas").first()).toBeVisible();
  await expect(chart.locator("[data-state]")).toHaveCount(0);
  // A new trade reaches the page over the websocket, without a reload.
  await expect(page.getByTestId("price-BTCUSDT").first()).toHaveText(/90,000\.50/);
  market.setPrice("BTCUSDT", "91234.5");
  await expect(page.getByTestId("price-BTCUSDT").first()).toHaveText(/91,234\.50/);
  market.setPrice("BTCUSDT", "90000.5");
  expect(await seen.violations()).toEqual([]);

  await page.goto("/wallet");
  await expect(page.getByTestId("balances")).toBeVisible();
  expect(await seen.violations()).toEqual([]);

  await page.goto("/predict");
  await expect(page.getByRole("heading", { name: "Price forecasts" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await seen.violations()).toEqual([]);
  expect(seen.problems).toEqual([]);
});

test("/predict hydrates without a React error", async ({ page }) => {
  const seen = await watch(page);
  const email = newEmail("predict");
  await registerByApi(page, email);
  await signIn(page, email);
  for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
    await page.goto(`/predict?symbol=${symbol}`);
    await expect(page.getByRole("heading", { name: "Price forecasts" })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(seen.problems).toEqual([]);
});

test("no page can be framed by another origin", async ({ page, baseURL }) => {
  // A real server on another loopback port (another origin; a real local address, so Chromium's local-network
  // checks allow the frames) whose page frames ours: the sign-in page, a signed-in page, and as a control a
  // page without our headers, which must frame fine.
  const framer = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    if (req.url === "/control") return res.end("<p>framed fine</p>");
    res.end(`<!doctype html><iframe id="control" src="/control"></iframe><iframe id="login" src="${baseURL}/login"></iframe><iframe id="profile" src="${baseURL}/profile"></iframe>`);
  });
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  const refusals: string[] = [];
  page.on("console", (m) => {
    if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
  });
  try {
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`); // waits for every frame's load
    await expect(page.frameLocator("#control").getByText("framed fine")).toBeVisible();
    for (const id of ["login", "profile"]) {
      const frame = page.frameLocator(`#${id}`);
      await expect(frame.locator("body")).toBeAttached();
      await expect(frame.getByText("CompraVenta")).toHaveCount(0);
      await expect(frame.getByLabel("Password")).toHaveCount(0);
    }
    expect(refusals).toHaveLength(2);
  } finally {
    framer.close();
  }
});

test("Learn, the FAQ and the support assistant are readable signed out; progress and tickets ask to sign in", async ({ page }) => {
  const seen = await watch(page);
  await page.goto("/learn");
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("heading", { name: "Learn", level: 1 })).toBeVisible();
  const articles = page.locator("ol li h2 a");
  expect(await articles.count()).toBeGreaterThan(3);
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  await page.getByRole("link", { name: "Orders: market, stop-loss and take-profit" }).click();
  await expect(page).toHaveURL(/\/learn\/orders$/);
  await expect(page.getByRole("heading", { name: "Orders: market, stop-loss and take-profit", level: 1 })).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("buy the dip");
  await expect(page.getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  const markSignIn = page.getByRole("link", { name: "Sign in to mark as read" });
  await expect(markSignIn).toHaveAttribute("href", "/login?callbackUrl=%2Flearn%2Forders");
  await markSignIn.click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Flearn%2Forders/);

  await page.goto("/support");
  await expect(page).toHaveURL(/\/support$/);
  await page.getByLabel("Your question").fill("What is the difference between a stop loss and a take profit?");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  const reply = page.getByTestId("assistant-reply").last();
  await expect(reply).toHaveAttribute("data-confident", "true");
  await expect(reply.locator("blockquote").first()).toContainText(/stop-loss|take-profit/i);
  await expect(page.getByRole("heading", { name: "Frequently asked questions" })).toBeVisible();
  await expect(page.getByTestId("ticket-sign-in")).toContainText("Sign in");
  await expect(page.getByLabel("Subject")).toHaveCount(0);
  expect(await seen.violations()).toEqual([]);

  await page.goto("/register");
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
  expect(await seen.violations()).toEqual([]);
  expect(seen.problems).toEqual([]);
});
