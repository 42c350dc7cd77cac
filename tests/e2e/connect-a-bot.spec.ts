// The "Connect a bot" page in a real browser: reached from the API keys section of Profile and from the
// public nav, its snippets carry this server's own URLs, and it does not scroll sideways on a phone.
import { expect, newEmail, registerByApi, SCREENSHOTS, signIn, test } from "./fixtures";

test("Connect a bot: from the API keys section and the nav, this server's URLs in the snippets, fits a phone", async ({ page, market, baseURL }) => {
  const origin = market.server.url;
  await page.goto("/learn");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Bots" }).click();
  await expect(page).toHaveURL(/\/connect-a-bot$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connect a bot" })).toBeVisible();

  const email = newEmail("bots");
  await registerByApi(page, email, "Bot Builder");
  await signIn(page, email);
  await page.goto("/profile");
  await page.getByRole("link", { name: "How to connect a bot" }).click();
  await expect(page).toHaveURL(/\/connect-a-bot$/);
  await expect(page.getByRole("heading", { name: "ccxt in Python" })).toBeVisible();
  await expect(page.locator("pre code").filter({ hasText: `"${origin}/api/v3"` })).toHaveCount(1);
  await expect(page.locator("pre code").first()).toContainText(`${origin.replace("http", "ws")}/ws-api/v3`);
  await expect(page.getByText("The order book is synthetic.")).toBeVisible();
  expect(baseURL).toBe(origin);

  await page.setViewportSize({ width: 375, height: 812 });
  for (const path of ["/connect-a-bot", "/profile"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} fits 375 px`).toBe(true);
  }
  await page.goto("/connect-a-bot");
  await page.screenshot({ path: `${SCREENSHOTS}/connect-a-bot-phone.png`, fullPage: true });
});
