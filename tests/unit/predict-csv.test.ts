import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { parseKlineCsv, readKlineCsv, CsvError } from "@/lib/predict/csv-reader";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "predict-csv-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = "open_time_ms,open,high,low,close,volume\n1502928000000,4261.48,4485.39,4200.74,4285.08,795.15\n1503014400000,4285.08,4371.52,3938.77,4108.37,1199.88\n";
// Binance's 12-column kline rows (open time, OHLCV, close time, quote volume, trades, taker volumes, ignore).
const BINANCE = [
  "1609459200000,28923.63,29600.00,28624.57,29331.69,54182.925011,1609545599999,1582526750.39,1314910,27455.56,801880044.12,0",
  "1609545600000,29331.70,33300.00,28946.53,32178.33,129993.873362,1609631999999,4073863369.13,2245922,66238.50,2071860046.70,0",
].join("\r\n");

describe("parseKlineCsv", () => {
  it("reads the header format into candles", () => {
    const c = parseKlineCsv(HEADER);
    expect(c).toHaveLength(2);
    expect(c[0]).toEqual({ openTime: 1502928000000, open: 4261.48, high: 4485.39, low: 4200.74, close: 4285.08, volume: 795.15 });
  });

  it("reads Binance's 12-column rows without a header (CRLF too)", () => {
    const c = parseKlineCsv(BINANCE);
    expect(c.map((x) => x.close)).toEqual([29331.69, 32178.33]);
    expect(c[1]?.openTime).toBe(1609545600000);
  });

  it("accepts header columns in another order and ignores extra columns", () => {
    const c = parseKlineCsv("close,open_time_ms,volume,low,high,open,trades\n10,1000,5,9,11,9.5,3\n");
    expect(c[0]).toEqual({ openTime: 1000, open: 9.5, high: 11, low: 9, close: 10, volume: 5 });
  });

  it("converts microsecond open times (Binance dumps since 2025) to milliseconds", () => {
    const c = parseKlineCsv("1735689600000000,1,2,0.5,1.5,10,1735775999999999,0,0,0,0,0\n");
    expect(c[0]?.openTime).toBe(1735689600000);
  });

  it.each([
    ["an empty file", "", /no candles/],
    ["a header only", "open_time_ms,open,high,low,close,volume\n", /no candles/],
    ["a header missing a column", "open_time_ms,open,high,low,close\n1,1,1,1,1\n", /lacks volume/],
    ["a headerless row of the wrong width", "1,2,3\n", /3 columns without a header/],
    ["a short row", HEADER + "1503100800000,1,2\n", /line 4: 3 columns, expected 6/],
    ["a non-numeric price", HEADER + "1503100800000,1,abc,1,1,1\n", /line 4: high "abc" is not a number/],
    ["an empty cell", HEADER + "1503100800000,1,2,,1,1\n", /line 4: low "" is not a number/],
    ["a zero price", HEADER + "1503100800000,0,2,1,1,1\n", /line 4: prices must be greater than 0/],
    ["high below low", HEADER + "1503100800000,1,1,2,1,1\n", /line 4: high 1 is below low 2/],
    ["rows out of order", HEADER + "1500000000000,1,2,1,1,1\n", /line 4: open time .* is not after/],
    ["a duplicate row", HEADER + "1503014400000,1,2,1,1,1\n", /line 4: open time .* is not after/],
  ])("rejects %s with a clear error", (_name, text, message) => {
    expect(() => parseKlineCsv(text)).toThrow(CsvError);
    expect(() => parseKlineCsv(text)).toThrow(message);
  });
});

describe("readKlineCsv", () => {
  it("reads plain and gzip files", async () => {
    fs.writeFileSync(path.join(dir, "plain.csv"), HEADER);
    fs.writeFileSync(path.join(dir, "packed.csv.gz"), gzipSync(BINANCE));
    expect(await readKlineCsv(path.join(dir, "plain.csv"))).toHaveLength(2);
    expect(await readKlineCsv(path.join(dir, "packed.csv.gz"))).toHaveLength(2);
  });

  it("names the file in errors: missing, binary, broken gzip", async () => {
    await expect(readKlineCsv(path.join(dir, "nope.csv"))).rejects.toThrow(/cannot read .*nope\.csv: ENOENT/);
    fs.writeFileSync(path.join(dir, "binary.csv"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    await expect(readKlineCsv(path.join(dir, "binary.csv"))).rejects.toThrow(/binary data/);
    fs.writeFileSync(path.join(dir, "broken.csv.gz"), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    await expect(readKlineCsv(path.join(dir, "broken.csv.gz"))).rejects.toThrow(/cannot be decompressed/);
    fs.writeFileSync(path.join(dir, "bad.csv"), HEADER + "x,1,1,1,1,1\n");
    await expect(readKlineCsv(path.join(dir, "bad.csv"))).rejects.toThrow(/bad\.csv line 4/);
  });
});
