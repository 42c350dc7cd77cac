// The order engine through the pages in a real Chromium against the real server: place a limit order in
// the form (its cost, fee and lock previewed first), see it in the open orders and as a line on the chart,
// a fake trade fills it at its limit price, the toast appears and the wallet is exact; then an OCO on the
// coins bought shows as one entry with two chart lines and is cancelled as one; a trailing stop shows its
// live trigger; "spend 100 USDT" buys what the preview said.
import { expect, newEmail, registerByApi, signIn, test } from "./fixtures";

test("a limit order from the form to its fill, and an OCO placed and cancelled", async ({ page, market }) => {
  const email = newEmail("limit");
  await registerByApi(page, email, "Limit Lou");
  await signIn(page, email);
  await expect(page.getByTestId("price-BTCUSDT").first()).toHaveText(/90,000\.50/);
  const chartBox = page.getByRole("img", { name: /Candlestick chart of BTCUSDT/ });
  const openOrders = page.getByTestId("open-order");

  try {
    await test.step("the form previews a resting BUY limit: cost, maker fee, lock", async () => {
      await page.getByRole("button", { name: "Limit", exact: true }).click();
      await page.getByLabel("Amount (BTC)").fill("0.01");
      await page.getByLabel("Limit price (USDT)").fill("89500");
      const preview = page.getByTestId("order-preview");
      // 0.01 x 89,500 = 895 USDT, fee 0.1 % = 0.895, locked together until it fills
      await expect(preview).toContainText("895 USDT");
      await expect(preview).toContainText("0.895 USDT (0.1 % maker)");
      await expect(preview).toContainText("895.895 USDT until it fills or you cancel");
      await expect(page.getByRole("link", { name: "limit orders" })).toHaveAttribute("href", "/learn/limit-orders");
    });

    await test.step("place it: it waits in the open orders and as a line on the chart", async () => {
      await page.getByRole("button", { name: "Place limit to Buy BTC" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Limit order placed: buy 0.01 BTC at 89,500.00" })).toBeVisible();
      await expect(openOrders).toHaveCount(1);
      await expect(openOrders.first()).toContainText("Limit");
      await expect(openOrders.first()).toContainText("limit 89,500.00");
      await expect(openOrders.first()).toContainText("locked 895.895 USDT");
      await expect(chartBox).toHaveAttribute("data-order-lines", "89500");
      await expect(page.getByRole("list", { name: "Your open orders on the BTCUSDT chart" })).toContainText("Buy limit at 89,500.00");
    });

    await test.step("a trade at 89,400 reaches it: it fills at its own price, the toast appears", async () => {
      market.setPrice("BTCUSDT", "89400");
      await expect(page.getByTestId("fill-toast")).toContainText("Order filled");
      await expect(openOrders).toHaveCount(0);
      await expect(chartBox).toHaveAttribute("data-order-lines", "");
    });

    await test.step("the wallet is exact: 50,000 - 895 - 0.895 USDT, 0.01 BTC, nothing locked", async () => {
      await page.getByRole("link", { name: "Wallet" }).click();
      const usdt = page.getByTestId("balances").locator('tr[data-coin="USDT"] td');
      await expect(usdt.nth(0)).toHaveText("49,104.105");
      await expect(usdt.nth(1)).toHaveText("0");
      await expect(page.getByTestId("balances").locator('tr[data-coin="BTC"] td').first()).toHaveText("0.01");
    });

    await test.step("an OCO on the coins bought: one entry, two chart lines, cancelled as one", async () => {
      market.setPrice("BTCUSDT", "90000.5");
      await page.getByRole("link", { name: "Dashboard" }).click();
      await expect(page.getByTestId("price-BTCUSDT").first()).toHaveText(/90,000\.50/);
      await page.getByRole("button", { name: "OCO", exact: true }).click();
      await page.getByRole("button", { name: "Sell", exact: true }).click();
      await page.getByLabel("Amount (BTC)").fill("0.01");
      await page.getByLabel("Limit price (USDT)").fill("95000");
      await page.getByLabel("Stop price (USDT)").fill("85000");
      await expect(page.getByTestId("order-preview")).toContainText("0.01 BTC until it fills or you cancel");
      await page.getByRole("button", { name: "Place OCO to Sell BTC" }).click();
      await expect(page.getByRole("status").filter({ hasText: "OCO placed" })).toBeVisible();
      await expect(openOrders).toHaveCount(1);
      await expect(openOrders.first()).toContainText("limit 95,000.00");
      await expect(openOrders.first()).toContainText("stop 85,000.00");
      await expect(chartBox).toHaveAttribute("data-order-lines", /^(95000 85000|85000 95000)$/);
      await openOrders.first().getByRole("button", { name: "Cancel both legs of the sell 0.01 BTC OCO" }).click();
      await expect(openOrders).toHaveCount(0);
      await expect(chartBox).toHaveAttribute("data-order-lines", "");
    });

    await test.step("a trailing stop shows its current trigger in the list and on the chart", async () => {
      await page.getByRole("button", { name: "Trailing", exact: true }).click();
      await page.getByLabel("Amount (BTC)").fill("0.01");
      await page.getByLabel("Trailing distance (%)").fill("1");
      await expect(page.getByTestId("order-preview")).toContainText("0.01 BTC until it fills or you cancel");
      await page.getByRole("button", { name: "Place trailing stop to Sell BTC" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Trailing stop order placed: sell 0.01 BTC" })).toBeVisible();
      // 1 % (100 basis points) below the highest trade since placement, 90,000.50: 89,100.495
      await expect(openOrders.first()).toContainText("trigger 89,100.50 (trails 1 %)");
      await expect(chartBox).toHaveAttribute("data-order-lines", "89100.495");
      await openOrders.first().getByRole("button", { name: "Cancel sell 0.01 BTC trailing stop order" }).click();
      await expect(openOrders).toHaveCount(0);
    });

    await test.step("spend 100 USDT at market: the preview and the fill agree, rounded down to the lot step", async () => {
      await page.getByRole("button", { name: "Market", exact: true }).click();
      await page.getByRole("button", { name: "Buy", exact: true }).click();
      await page.getByRole("button", { name: "Spend USDT" }).click();
      await page.getByLabel("Spend (USDT)").fill("100");
      // floor(100 / 90,000.50) to 0.00001 = 0.00111 BTC; cost 99.900555, taker fee rounded up 0.09990056
      const preview = page.getByTestId("order-preview");
      await expect(preview).toContainText("0.00111 BTC");
      await expect(preview).toContainText("99.900555 USDT");
      await expect(preview).toContainText("100.00045556 USDT");
      await page.getByRole("button", { name: "Buy BTC" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Bought 0.00111 BTC at 90,000.50 USDT (market, fee 0.09990056 USDT)" })).toBeVisible();
    });

    await test.step("the form with every type still fits a 375 px phone", async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      for (const type of ["Limit", "Stop-limit", "Trailing", "OCO"]) {
        await page.getByRole("button", { name: type, exact: true }).click();
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${type} fits 375 px`).toBe(true);
      }
    });
  } finally {
    // The market fixture is shared by the other files of this worker: leave BTC where they expect it.
    market.setPrice("BTCUSDT", "90000.5");
  }
});
