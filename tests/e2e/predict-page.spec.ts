// The Predict page at first start, in a real Chromium against the real server: while the worker trains the
// models in the background the page shows the progress; once a pair's models are stored it shows the fan chart
// of the ranges, the ranges in words (the same numbers as /api/predict), their measured coverage, the comparison
// with the fixed and EWMA ranges, and "not financial advice". Its own server: training is switched on here, on a
// fake Binance history with clustered volatility (real-looking, not flat).
import { test as base, expect } from "@playwright/test";
import { startTestServer, type TestServer } from "../support/test-server";
import { newEmail, registerByApi, signIn } from "./fixtures";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PRICES: Record<string, number> = { BTCUSDT: 90_000, ETHUSDT: 3_000, BNBUSDT: 880, LTCUSDT: 85, XRPUSDT: 2.1 };

/** `n` candles of `len` ms ending with the one containing now: a random walk whose volatility comes in spells. */
function clusteredHistory(price: number, len: number, n: number, seed: number): unknown[][] {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const last = Math.floor(Date.now() / len) * len;
  const perDay = Math.sqrt(len / DAY);
  let logVol = 0;
  let close = price;
  const rows: unknown[][] = [];
  const dp = price < 10 ? 6 : 2;
  for (let i = 0; i < n; i++) {
    logVol = 0.97 * logVol + 0.24 * 0.7 * gauss();
    const sigma = 0.03 * Math.exp(logVol) * perDay;
    const open = close;
    close = open * Math.exp(sigma * gauss());
    const high = Math.max(open, close) * Math.exp(Math.abs(gauss()) * sigma * 0.5);
    const low = Math.min(open, close) * Math.exp(-Math.abs(gauss()) * sigma * 0.5);
    const t = last - (n - 1 - i) * len;
    rows.push([t, open.toFixed(dp), high.toFixed(dp), low.toFixed(dp), close.toFixed(dp), (100 * Math.exp(0.3 * gauss())).toFixed(4), t + len - 1, "0", 100, "0", "0", "0"]);
  }
  return rows;
}

const test = base.extend<object, { trainingServer: TestServer }>({
  trainingServer: [
    async ({}, provide) => {
      const server = await startTestServer();
      Object.entries(PRICES).forEach(([symbol, price], k) => {
        server.binance.setPrice(symbol, String(price));
        server.binance.setKlines(symbol, "1d", clusteredHistory(price, DAY, 1000, 11 + k));
        server.binance.setKlines(symbol, "1h", clusteredHistory(price, HOUR, 1000, 101 + k));
      });
      // The history above replaces the fake's flat candles (same open times); then the worker may train.
      await server.restart({ TRAIN_EVERY_H: "24", TRAIN_FIRST_AFTER_S: "1" });
      await provide(server);
      await server.close();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ trainingServer }, provide) => {
    await provide(trainingServer.url);
  },
});

const price = (v: number) => v.toLocaleString("en-US", { maximumSignificantDigits: 6 });

test("the Predict page shows training progress, then the fan chart, the ranges in words and how they scored", async ({ page }) => {
  test.setTimeout(600_000);
  const email = newEmail("predict");
  await registerByApi(page, email, "Forecast Fay");
  await signIn(page, email);

  // BNB is trained last: its cards show the progress while the others are being trained (first, for a few seconds
  // while the worker caches the candles, that it waits for them). The page is rendered on the server: reload.
  await expect(async () => {
    await page.goto("/predict?symbol=BNBUSDT");
    await expect(page.getByText(/Training the forecast models in the background: \d+ of 15 done/).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await expect(page.getByRole("note")).toContainText("Not financial advice");

  // BTC is trained first: wait for its three models (reloading, as a person would).
  await expect(async () => {
    await page.goto("/predict?symbol=BTCUSDT");
    await expect(page.getByText(/Most likely \(80%\) between/)).toHaveCount(3, { timeout: 1_000 });
  }).toPass({ timeout: 480_000, intervals: [5_000] });

  const api = (await (await page.request.get("/api/predict?symbol=BTCUSDT&time=1d")).json()) as {
    quantiles: { p2_5: number; p10: number; p90: number; p97_5: number };
    range: { n: number; coverage_80: number; static_interval_score_80: number; ewma_interval_score_80: number };
  };
  const day = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Close in one day" }) });
  await expect(day).toContainText(
    `Most likely (80%) between ${price(api.quantiles.p10)} and ${price(api.quantiles.p90)} one day from now; almost surely (95%) between ${price(api.quantiles.p2_5)} and ${price(api.quantiles.p97_5)}.`,
  );
  await expect(day).toContainText(`On the last ${api.range.n} test days such 80% ranges held ${Math.round(api.range.coverage_80 * 100)}% of the time`);
  await expect(day).toContainText(/than a fixed range from last year's moves|as good as a fixed range from last year's moves/);
  await expect(day).toContainText(/a simple recent-volatility \(EWMA\) range/);

  // The fan: two polygons (95% and 80%) right of the candles, described for screen readers.
  const chart = page.getByRole("img", { name: /Daily candles/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("polygon")).toHaveCount(2);
  await expect(page.locator("figcaption")).toContainText("the fan of likely closes");
  await expect(page.getByRole("note")).toContainText("Not financial advice");
});
