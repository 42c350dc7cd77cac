// Issue 13's journey in real Chromiums against the real server: the header bar's switcher changes what the
// wallet shows (a practice portfolio with its own starting balance); an organiser creates a competition,
// a second user (another browser context) joins by its invite link, both trade in their competition
// portfolio (the live socket follows the switch: a stop's fill arrives as a toast), and the standings on
// the competition page show both with their trades.
import type { Page } from "@playwright/test";
import { expect, newEmail, registerByApi, SCREENSHOTS, signIn, test } from "./fixtures";

const balanceOf = (page: Page, coin: string) => page.getByTestId("balances").locator(`tr[data-coin="${coin}"] td`).first();

/** A datetime-local value `inMs` from now in the browser's own time zone (to the second). */
const localTime = (page: Page, inMs: number) =>
  page.evaluate((ms) => {
    const d = new Date(Date.now() + ms);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, inMs);

async function buyAtMarket(page: Page, amount: string): Promise<void> {
  await page.getByLabel("Amount (BTC)").fill(amount);
  await page.getByRole("button", { name: "Buy BTC" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Bought ${amount} BTC` })).toBeVisible();
}

test("the switcher changes the portfolio the wallet shows", async ({ page }) => {
  const email = newEmail("practice");
  await registerByApi(page, email, "Practice Pat");
  await signIn(page, email);
  await expect(page.locator("#portfolio-switcher")).toHaveValue(/.+/);
  await expect(page.locator("#portfolio-switcher option:checked")).toHaveText("Main");

  await test.step("create a practice portfolio with its own starting balance", async () => {
    await page.getByRole("link", { name: "Portfolios", exact: true }).click();
    await expect(page.getByTestId("portfolio-row")).toHaveCount(1);
    await page.getByLabel("Name").fill("Side bets");
    await page.getByLabel("Starting balance (USDT)").fill("1234.5");
    await page.getByRole("button", { name: "Create portfolio" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Side bets" })).toBeVisible();
    await expect(page.getByTestId("portfolio-row")).toHaveCount(2);
    await expect(page.getByTestId("portfolio-row").nth(1)).toContainText("1,234.50 USDT");
  });

  await test.step("the wallet shows the main portfolio, then the practice one after switching", async () => {
    await page.getByRole("link", { name: "Wallet" }).click();
    await expect(page.getByTestId("shown-portfolio")).toContainText("Main");
    await expect(balanceOf(page, "USDT")).toHaveText("50,000");
    await page.locator("#portfolio-switcher").selectOption({ label: "Side bets (practice)" });
    await expect(page.getByTestId("shown-portfolio")).toContainText("Side bets");
    await expect(balanceOf(page, "USDT")).toHaveText("1,234.5");
    await expect(page.locator("#portfolio-switcher option:checked")).toHaveText("Side bets (practice)");
  });

  await test.step("a trade in the practice portfolio leaves the main one untouched", async () => {
    await page.getByRole("link", { name: "Dashboard" }).click();
    await buyAtMarket(page, "0.01");
    await page.getByRole("link", { name: "Wallet" }).click();
    await expect(balanceOf(page, "BTC")).toHaveText("0.01");
    await page.locator("#portfolio-switcher").selectOption({ label: "Main" });
    await expect(page.getByTestId("shown-portfolio")).toContainText("Main");
    await expect(balanceOf(page, "USDT")).toHaveText("50,000");
  });

  await test.step("deleting the practice portfolio", async () => {
    await page.getByRole("link", { name: "Portfolios", exact: true }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete Side bets" }).click();
    await expect(page.getByTestId("portfolio-row")).toHaveCount(1);
  });
});

test("an organiser's competition: join by link, both trade, the standings update", async ({ page, browser, market }) => {
  const organiser = newEmail("organiser");
  const player = newEmail("player");
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/404|Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
  });
  await registerByApi(page, organiser, "Olga Organiser");
  await signIn(page, organiser);

  await test.step("the organiser creates an invite-only competition starting in a few seconds", async () => {
    await page.getByRole("link", { name: "Competitions", exact: true }).click();
    await expect(page).toHaveURL(/\/competitions$/);
    const form = page.getByRole("form", { name: "New competition" });
    await form.getByLabel("Name").fill("Friday Cup");
    await form.getByLabel("Starts").fill(await localTime(page, 5_000));
    await form.getByLabel("Ends").fill(await localTime(page, 15 * 60_000));
    await form.getByLabel("Starting balance (USDT)").fill("10000");
    await form.getByLabel("Who can join").selectOption("invite");
    await form.getByRole("button", { name: "Create competition" }).click();
    await expect(page).toHaveURL(/\/competitions\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Friday Cup");
    await expect(page.getByLabel("Competition rules")).toContainText("10,000.00 USDT");
  });

  const link = await page.locator("#invite-link").inputValue();
  expect(link).toMatch(/\/competitions\/join\/.+/);
  const competitionUrl = page.url();

  await test.step("the organiser joins too", async () => {
    await page.getByRole("button", { name: "Join this competition" }).click();
    await expect(page.getByRole("button", { name: "Trade in this competition" })).toBeVisible();
  });

  const other = await browser.newContext({ baseURL: market.server.url });
  const page2 = await other.newPage();
  await test.step("a second user opens the invite link and joins", async () => {
    await registerByApi(page2, player, "Paco Player");
    await page2.goto(link);
    await expect(page2).toHaveURL(/\/login/);
    await page2.getByLabel("Email").fill(player);
    await page2.getByLabel("Password").fill("correct horse battery");
    await page2.getByRole("button", { name: "Sign in" }).click();
    await expect(page2).toHaveURL(/\/competitions\/join\//);
    await expect(page2.getByRole("heading", { name: /Friday Cup/ })).toBeVisible();
    await page2.getByRole("button", { name: "Join this competition" }).click();
    await expect(page2).toHaveURL(competitionUrl);
    await expect(page2.getByTestId("standing")).toHaveCount(2);
  });

  await test.step("once it runs, both switch to their competition portfolio and buy at market", async () => {
    for (const p of [page, page2]) {
      await expect(p.locator('[data-status="running"]')).toBeVisible({ timeout: 30_000 });
      await p.getByRole("button", { name: "Trade in this competition" }).click();
      await expect(p).toHaveURL(/\/dashboard/);
      await expect(p.locator("#portfolio-switcher option:checked")).toHaveText("Friday Cup (competition)");
      await buyAtMarket(p, "0.01");
    }
  });

  await test.step("the live socket follows the switch: a stop of the competition portfolio fills", async () => {
    await page2.getByRole("button", { name: "Stop", exact: true }).click();
    await page2.getByRole("button", { name: "Sell", exact: true }).click();
    await page2.getByLabel("Amount (BTC)").fill("0.005");
    await page2.getByLabel("Stop price (USDT)").fill("89000");
    await page2.getByRole("button", { name: "Place stop to Sell BTC" }).click();
    await expect(page2.getByTestId("open-order")).toHaveCount(1);
    market.setPrice("BTCUSDT", "88900");
    await expect(page2.getByTestId("fill-toast")).toContainText("Order filled");
    market.setPrice("BTCUSDT", "90000.5");
  });

  await test.step("the standings show both with their trades", async () => {
    await page.goto(competitionUrl);
    const rows = page.getByTestId("standing");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "Olga Organiser" }).getByTestId("trades")).toHaveText("1");
    await expect(rows.filter({ hasText: "Paco Player" }).getByTestId("trades")).toHaveText("2");
    await expect(page.locator('[data-testid="standing"][aria-current="true"]')).toContainText("Olga Organiser");
    await expect(page.getByTestId("my-competition-rank")).toContainText(/#[12] of 2/);
    await page.getByRole("button", { name: /^Trades/ }).click(); // most trades first
    await expect(rows.first()).toContainText("Paco Player");
    await expect(page.getByRole("img", { name: /^Portfolio values of [12] participants/ })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/competition-desktop.png`, fullPage: true });
  });

  await test.step("an unknown competition is not found", async () => {
    await page.goto("/competitions/no-such-competition");
    await expect(page.getByText(/could not be found|404/i).first()).toBeVisible();
  });

  expect(consoleErrors, "no hydration or script errors on the organiser's pages").toEqual([]);
  await other.close();
});
