// Screenshots of every page at desktop and phone sizes (tests/.artifacts/screenshots/), for a person to
// look at. Each page also must not scroll sideways at 375 px.
import { expect, newEmail, registerByApi, SCREENSHOTS, signIn, test } from "./fixtures";

const SIZES = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 375, height: 812 },
];
const PUBLIC = ["/", "/login", "/register", "/forgot-password", "/reset-password?token=example-token-123"];
const SIGNED_IN = ["/dashboard", "/wallet", "/orders", "/portfolios", "/competitions", "/leaderboard", "/profile"];

const fileName = (path: string, size: string) => `${SCREENSHOTS}/${(path.split("?")[0] ?? "/").replace(/^\/$/, "/landing").slice(1).replace(/\//g, "-")}-${size}.png`;

test("screenshots of each page at desktop and phone sizes", async ({ page, market }) => {
  market.setPrice("BTCUSDT", "90000.5");
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const path of PUBLIC) {
      await page.goto(path);
      await page.screenshot({ path: fileName(path, size.name), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} fits ${size.width} px`).toBe(true);
    }
  }

  const email = newEmail("shots");
  await registerByApi(page, email, "Screenshot Sam");
  await signIn(page, email);
  // Something to show: a market buy and an open stop.
  await page.getByLabel("Amount (BTC)").fill("0.02");
  await page.getByRole("button", { name: "Buy BTC" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bought" })).toBeVisible();
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await page.getByRole("button", { name: "Sell", exact: true }).click();
  await page.getByLabel("Amount (BTC)").fill("0.01");
  await page.getByLabel("Stop price (USDT)").fill("95000");
  await page.getByRole("button", { name: "Place stop to Sell BTC" }).click();
  await expect(page.getByTestId("open-order")).toHaveCount(1);
  await page.getByRole("button", { name: "☆ Watch BTCUSDT" }).click();

  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const path of SIGNED_IN) {
      await page.goto(path);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      if (path === "/dashboard") await expect(page.locator(".tv-lightweight-charts")).toBeVisible();
      await page.waitForTimeout(800);
      await page.screenshot({ path: fileName(path, size.name), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} fits ${size.width} px`).toBe(true);
    }
  }
});
