// npm run data:download against the fake Binance: monthly files the replay reads, resumable, polite on 429.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanReplayDir, readPairCandles } from "@/lib/market/replay/replay-files";
import { FakeBinance } from "../support/fake-binance";

let binance: FakeBinance;
let dir: string;

beforeAll(async () => {
  binance = await FakeBinance.start();
  dir = mkdtempSync(path.join(os.tmpdir(), "download-"));
});
afterAll(async () => {
  await binance?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function download(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    // what `npm run data:download --` runs, without npm's own start-up
    const child = spawn("node_modules/.bin/tsx", ["scripts/data-download.ts", ...args, "--dir", dir], { env: { ...process.env, BINANCE_REST_URL: binance.restUrl } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

const klineCalls = () => binance.requests.filter((r) => r.startsWith("/api/v3/klines")).length;

describe("data:download", () => {
  it("writes one header CSV per pair and month, 1,000 candles a request, and the replay reads them", async () => {
    const r = await download(["--pairs", "BTCUSDT,ETHUSDT", "--interval", "5m", "--from", "2024-01-30", "--to", "2024-02-02"]);
    expect(r.code, r.out).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["BTCUSDT-5m-2024-01.csv", "BTCUSDT-5m-2024-02.csv", "ETHUSDT-5m-2024-01.csv", "ETHUSDT-5m-2024-02.csv"]);
    const jan = readFileSync(path.join(dir, "BTCUSDT-5m-2024-01.csv"), "utf8").trim().split("\n");
    expect(jan[0]).toBe("open_time_ms,open,high,low,close,volume");
    expect(jan.length - 1).toBe(2 * 288); // Jan 30 and 31
    expect(jan[1]?.startsWith(`${Date.parse("2024-01-30")},`)).toBe(true);
    expect(klineCalls()).toBe(4); // each month fits one request of 1,000
    const pairs = await scanReplayDir(dir);
    expect(pairs.map((p) => [p.symbol, p.interval, p.files.length])).toEqual([["BTCUSDT", "5m", 2], ["ETHUSDT", "5m", 2]]);
    let n = 0;
    for await (const b of readPairCandles(pairs[0]!.files)) n += b.length;
    expect(n).toBe(3 * 288);
  });

  it("resumes an interrupted month after its last complete row and skips finished ones", async () => {
    const file = path.join(dir, "BTCUSDT-1m-2024-03.csv");
    const full = await download(["--pairs", "BTCUSDT", "--interval", "1m", "--from", "2024-03-01", "--to", "2024-03-02"]);
    expect(full.code, full.out).toBe(0);
    const complete = readFileSync(file, "utf8");
    // an interrupted run: 700 rows and half a line in the .part, no finished file
    const lines = complete.split("\n");
    writeFileSync(`${file}.part`, `${lines.slice(0, 701).join("\n")}\n${lines[701]!.slice(0, 10)}`);
    rmSync(file);
    const before = klineCalls();
    const resumed = await download(["--pairs", "BTCUSDT", "--interval", "1m", "--from", "2024-03-01", "--to", "2024-03-02"]);
    expect(resumed.code, resumed.out).toBe(0);
    expect(resumed.out).toContain("resuming BTCUSDT-1m-2024-03.csv after 700 candles");
    expect(readFileSync(file, "utf8")).toBe(complete);
    expect(existsSync(`${file}.part`)).toBe(false);
    expect(klineCalls() - before).toBe(1); // the 740 missing rows
    const again = klineCalls();
    expect((await download(["--pairs", "BTCUSDT", "--interval", "1m", "--from", "2024-03-01", "--to", "2024-03-02"])).code).toBe(0);
    expect(klineCalls()).toBe(again);
  });

  it("waits out a 429 for its Retry-After and carries on", async () => {
    binance.throttleKlines(1);
    const r = await download(["--pairs", "LTCUSDT", "--interval", "1h", "--from", "2024-04-01", "--to", "2024-04-03"]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("slow down (HTTP 429): waiting 1 s");
    expect(readFileSync(path.join(dir, "LTCUSDT-1h-2024-04.csv"), "utf8").trim().split("\n")).toHaveLength(49);
  });

  it("refuses an unknown pair and a missing period with a sentence", async () => {
    const bad = await download(["--pairs", "DOGEUSDT", "--from", "2024-01-01", "--to", "2024-01-02"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("unknown pair DOGEUSDT");
    const noDates = await download(["--pairs", "BTCUSDT"]);
    expect(noDates.code).toBe(2);
    expect(noDates.out).toContain("--from and --to are required");
  });
});
