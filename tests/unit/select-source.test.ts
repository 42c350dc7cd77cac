import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectMarketSource } from "@/lib/market/select-source";
import { FakeBinance } from "../support/fake-binance";
import { writeKlineCsv } from "../support/kline-files";
import { freePort } from "../support/test-server";

// an empty folder: no recorded market to replay, whatever data/market holds on this machine
const noData = mkdtempSync(path.join(os.tmpdir(), "no-replay-"));

describe("market source selection", () => {
  let fake: FakeBinance;
  beforeAll(async () => (fake = await FakeBinance.start()));
  afterAll(async () => fake.close());

  it("auto picks Binance when its REST ping answers", async () => {
    const log: string[] = [];
    expect(await selectMarketSource({ mode: "auto", restUrl: fake.restUrl, onLog: (l) => log.push(l) })).toBe("binance");
    expect(fake.requests).toContain("/api/v3/ping");
  });

  it("auto falls back to the simulated market, saying so loudly, when Binance is unreachable", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const log: string[] = [];
    const t0 = Date.now();
    expect(await selectMarketSource({ mode: "auto", restUrl: url, timeoutMs: 1000, replayDir: noData, onLog: (l) => log.push(l) })).toBe("simulated");
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(log).toEqual([expect.stringContaining(`Binance unreachable at ${url}: running the SIMULATED market`)]);
  });

  it("auto falls back when Binance answers errors", async () => {
    fake.setRestDown(true);
    try {
      expect(await selectMarketSource({ mode: "auto", restUrl: fake.restUrl, replayDir: noData, onLog: () => {} })).toBe("simulated");
    } finally {
      fake.setRestDown(false);
    }
  });

  it("auto replays the recorded market when Binance is unreachable and kline files are there", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "replay-dir-"));
    try {
      writeKlineCsv(dir, "BTCUSDT", "1m", [{ openTime: Date.parse("2024-01-01"), open: "1", high: "1", low: "1", close: "1" }]);
      const url = `http://127.0.0.1:${await freePort()}`;
      const log: string[] = [];
      expect(await selectMarketSource({ mode: "auto", restUrl: url, timeoutMs: 1000, replayDir: dir, onLog: (l) => log.push(l) })).toBe("replay");
      expect(log).toEqual([expect.stringContaining(`REPLAYING the recorded market in ${dir}`)]);
      // Binance reachable: the live market wins over the recording
      expect(await selectMarketSource({ mode: "auto", restUrl: fake.restUrl, replayDir: dir, onLog: () => {} })).toBe("binance");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a forced source is used without asking Binance", async () => {
    const before = fake.requests.length;
    expect(await selectMarketSource({ mode: "simulated", restUrl: fake.restUrl, onLog: () => {} })).toBe("simulated");
    expect(await selectMarketSource({ mode: "binance", restUrl: "http://127.0.0.1:1", onLog: () => {} })).toBe("binance");
    expect(fake.requests.length).toBe(before);
  });
});

afterAll(() => rmSync(noData, { recursive: true, force: true }));
