// The whole journey of the issue in a real Chromium against the real server: register -> log in -> buy
// at market -> wallet shows it -> place a stop -> the market trades through it -> the fill notification
// appears and the order moves to closed -> CSV export -> watchlist add/remove -> reset account -> log out.
import fs from "node:fs";
import { expect, newEmail, PASSWORD, test } from "./fixtures";

test("a trader's journey from sign-up to sign-out", async ({ page, market }) => {
  const email = newEmail("journey");

  await test.step("signed-out visitors are sent to the sign-in page", async () => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });

  await test.step("register with the original's fields", async () => {
    await page.goto("/register");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Repeat password").fill(PASSWORD);
    await page.getByLabel("Display name").fill("Journey Jane");
    await page.getByLabel("Age").fill("34");
    await page.getByLabel("Country").fill("Spain");
    await page.getByLabel("Phone number").fill("+34 600 111 222");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/login\?registered=1/);
    await expect(page.getByText("Your account is ready")).toBeVisible();
  });

  await test.step("log in", async () => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByTestId("price-BTCUSDT").first()).toHaveText(/90,000\.50/);
  });

  await test.step("the server's error is shown next to the amount field", async () => {
    await page.getByLabel("Amount (BTC)").fill("1000");
    await page.getByRole("button", { name: "Buy BTC" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /USDT|balance/i })).toBeVisible();
  });

  await test.step("buy at market", async () => {
    await page.getByLabel("Amount (BTC)").fill("0.01");
    await page.getByRole("button", { name: "Buy BTC" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Bought 0.01 BTC at 90,000.50" })).toBeVisible();
  });

  await test.step("the wallet shows it", async () => {
    await page.getByRole("link", { name: "Wallet" }).click();
    await expect(page).toHaveURL(/\/wallet/);
    const btc = page.getByTestId("balances").locator('tr[data-coin="BTC"]');
    await expect(btc.locator("td").first()).toHaveText("0.01");
    // 50,000 - 900.005 - fee 0.90000500 = 49,099.094995
    await expect(page.getByTestId("balances").locator('tr[data-coin="USDT"] td').first()).toHaveText("49,099.094995");
  });

  await test.step("place a stop-loss below the market", async () => {
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("button", { name: "Sell", exact: true }).click();
    await page.getByLabel("Amount (BTC)").fill("0.005");
    await page.getByLabel("Stop price (USDT)").fill("89000");
    await page.getByRole("button", { name: "Place stop to Sell BTC" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Stop order placed (stop-loss)" })).toBeVisible();
    await expect(page.getByTestId("open-order")).toHaveCount(1);
  });

  await test.step("the market trades through the stop: notification, order leaves the open list", async () => {
    market.setPrice("BTCUSDT", "88900");
    await expect(page.getByTestId("fill-toast")).toContainText("Order filled");
    await expect(page.getByTestId("open-order")).toHaveCount(0);
    await expect(page.getByTestId("price-BTCUSDT").first()).toHaveText(/88,900/);
  });

  await test.step("the wallet charts the portfolio value recorded at the fill", async () => {
    await page.getByRole("link", { name: "Wallet" }).click();
    await expect(page.getByRole("img", { name: /^Portfolio value from/ })).toBeVisible();
    await expect(page.getByText(/BTC \d/)).toBeVisible(); // the allocation legend lists BTC
  });

  await test.step("the order is among the closed orders", async () => {
    await page.getByRole("link", { name: "Orders" }).click();
    const closed = page.getByTestId("closed-orders");
    await expect(closed.locator("tbody tr")).toHaveCount(2);
    await expect(closed.locator("tbody tr").first()).toContainText("SL");
    await expect(closed.locator("tbody tr").first()).toContainText("88,900.00");
  });

  await test.step("CSV export downloads the closed orders", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync(await download.path(), "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("order_id,date,time,symbol,side,order_type,status");
    expect(lines).toHaveLength(3);
    expect(csv).toContain("BTCUSDT,SELL,SL,FILLED,0.005,88900");
  });

  await test.step("watchlist add and remove from the dashboard", async () => {
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByLabel("Pair").selectOption("ETHUSDT");
    await page.getByRole("button", { name: "☆ Watch ETHUSDT" }).click();
    await expect(page.getByTestId("watchlist")).toContainText("ETHUSDT");
    await page.reload();
    await expect(page.getByTestId("watchlist")).toContainText("ETHUSDT");
    await expect(page.getByTestId("watchlist").getByTestId("price-ETHUSDT")).toHaveText(/3,000\.25/);
    await page.getByRole("button", { name: "Remove ETHUSDT from the watchlist" }).click();
    await expect(page.getByTestId("watchlist")).toHaveCount(0);
    await expect(page.getByText("Nothing watched yet")).toBeVisible();
  });

  await test.step("reset the account behind a confirmation", async () => {
    await page.getByRole("link", { name: "Profile" }).click();
    await page.getByRole("button", { name: "Reset account…" }).click();
    await expect(page.getByRole("dialog", { name: "Reset your account?" })).toBeVisible();
    await page.getByRole("button", { name: "Yes, reset" }).click();
    await expect(page.getByText("Your account was reset")).toBeVisible();
    await page.getByRole("link", { name: "Wallet" }).click();
    await expect(page.getByTestId("balances").locator('tr[data-coin="USDT"] td').first()).toHaveText("50,000");
    await expect(page.getByTestId("balances").locator('tr[data-coin="BTC"] td').first()).toHaveText("0");
  });

  await test.step("log out: the session ends for pages and for the API", async () => {
    const cookies = await page.context().cookies();
    const session = cookies.filter((c) => c.name.includes("next-auth.session-token")).map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await page.request.get("/api/wallet", { headers: { cookie: session } })).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await page.goto("/wallet");
    await expect(page).toHaveURL(/\/login/);
    // Even a copy of the old cookie is refused: signing out revoked its token family.
    expect((await page.request.get("/api/wallet", { headers: { cookie: session } })).status()).toBe(401);
  });
});
