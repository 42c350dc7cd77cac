// The Predict feature at first start, through the real server: with the simulated market it says that no real
// history exists and trains nothing; with Binance it waits for enough daily candles and then trains in the
// background, reporting progress instead of a command to run.
import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { queryDb } from "../support/db-query";
import { waitFor } from "../support/wait-for";

async function predictMessage(server: TestServer): Promise<{ status: number; message: string }> {
  const r = await fetch(`${server.url}/api/predict?symbol=BTCUSDT&time=1d`);
  const body = (await r.json()) as { message: string };
  return { status: r.status, message: body.message };
}

describe("forecasts at first start", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("with the simulated market: says no real history is available from the first request and never trains on invented prices", async () => {
    // the first training check is 10 minutes away: the message must not wait for it
    server = await startTestServer({ MARKET_SOURCE: "simulated", TRAIN_EVERY_H: "24", TRAIN_FIRST_AFTER_S: "600" });
    const s = server;
    const answer = await waitFor(async () => {
      const a = await predictMessage(s);
      return /No real price history/.test(a.message) ? a : undefined;
    }, "the no-real-history message", 3_000);
    expect(answer.status).toBe(503);
    expect(answer.message).toMatch(/simulated market/);
    const html = await (await fetch(`${s.url}/predict?symbol=BTCUSDT`, { redirect: "manual" })).text();
    expect(html.length).toBeGreaterThan(0);
    // the simulated market has cached plenty of invented daily candles, yet no model appears
    await new Promise((r) => setTimeout(r, 3000));
    expect(await queryDb(s.db.url, `SELECT "symbol" FROM "PredictionModel"`)).toEqual([]);
  }, 90_000);

  it("with Binance: trains in the background as soon as enough daily candles are cached and shows the progress", async () => {
    // the fake Binance answers 1000 daily candles per pair: enough, so training starts by itself
    server = await startTestServer({ TRAIN_EVERY_H: "24", TRAIN_FIRST_AFTER_S: "1" });
    const s = server;
    const training = await waitFor(async () => {
      const a = await predictMessage(s);
      return /Training the forecast models in the background/.test(a.message) ? a : undefined;
    }, "the training progress message", 30_000);
    expect(training.status).toBe(503);
    expect(training.message).toMatch(/\d+ of 15 done/);
    expect(training.message).not.toMatch(/npm run train/);
    const page = await fetch(`${s.url}/predict?symbol=BTCUSDT`, { redirect: "manual" });
    expect([200, 302, 303, 307]).toContain(page.status);
  }, 90_000);
});
