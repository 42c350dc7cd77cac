// Training from the Kline table "as of" a moment (a replay's market time): candles that were not complete by
// then, the replayed day still forming included, are not trained on.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { syntheticCandles } from "./predict-fixtures";
import { DEFAULT_CONFIG } from "@/lib/predict/model-config";

const DAY = 86_400_000;
const start = Date.UTC(2022, 0, 1);
const candles = syntheticCandles(400, { seed: 9, start });
let db: TestDatabase;
let disconnect: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const dbm = await import("@/lib/db");
  disconnect = dbm.disconnect;
  await dbm.prisma.kline.createMany({ data: candles.map((c) => ({ symbol: "BTCUSDT", interval: "1d", ...c, openTime: BigInt(c.openTime) })) });
}, 120_000);

afterAll(async () => {
  await disconnect?.();
  await db?.drop();
});

it("uses only the daily candles complete at asOf", async () => {
  const { trainModels } = await import("@/lib/predict/train-models");
  // market time: noon of day 300, whose candle is still forming
  const asOf = start + 300 * DAY + DAY / 2;
  const [r] = await trainModels({ symbols: ["BTCUSDT"], horizons: ["1d"], asOf, folds: 1, config: { ...DEFAULT_CONFIG, maxEpochs: 2 } });
  expect(r?.status).toBe("trained");
  expect(r?.candles).toBe(300);
  expect(r?.dataTo).toBe(start + 299 * DAY);
}, 120_000);
