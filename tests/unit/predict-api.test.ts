// GET /api/predict through the real route handler on a fresh, migrated SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { syntheticCandles } from "./predict-fixtures";
import { DEFAULT_CONFIG } from "@/lib/predict/model-config";

let db: TestDatabase;
let GET: (req: Request) => Promise<Response>;
let mod: {
  prisma: typeof import("@/lib/db").prisma;
  disconnect: typeof import("@/lib/db").disconnect;
  saveModel: typeof import("@/lib/predict/model-store").saveModel;
  loadModel: typeof import("@/lib/predict/model-store").loadModel;
  trainAndEvaluate: typeof import("@/lib/predict/train-and-evaluate").trainAndEvaluate;
  invalidateModels: typeof import("@/lib/predict/model-cache").invalidateModels;
};

const DAY = 86_400_000;
// 400 complete daily candles ending yesterday, so the newest is finished
const today = Math.floor(Date.now() / DAY) * DAY;
const candles = syntheticCandles(400, { phi: 0.3, seed: 3, start: today - 400 * DAY });
const fast = { ...DEFAULT_CONFIG, maxEpochs: 5 };

const get = (qs: string) => GET(new Request(`http://localhost/api/predict${qs}`));

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  // imported only now: lib/env reads DATABASE_URL when first loaded
  const [route, dbm, store, tae, cache] = await Promise.all([
    import("@/app/api/predict/route"),
    import("@/lib/db"),
    import("@/lib/predict/model-store"),
    import("@/lib/predict/train-and-evaluate"),
    import("@/lib/predict/model-cache"),
  ]);
  GET = route.GET;
  mod = { prisma: dbm.prisma, disconnect: dbm.disconnect, saveModel: store.saveModel, loadModel: store.loadModel, trainAndEvaluate: tae.trainAndEvaluate, invalidateModels: cache.invalidateModels };
  await mod.prisma.kline.createMany({
    data: candles.map((c) => ({ symbol: "BTCUSDT", interval: "1d", ...c, openTime: BigInt(c.openTime) })),
  });
}, 120_000);

afterAll(async () => {
  await mod?.disconnect();
  await db?.drop();
});

describe("GET /api/predict", () => {
  it("400 for an unknown symbol", async () => {
    const r = await get("?symbol=DOGEUSDT&time=1d");
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: "UNKNOWN_PAIR" });
  });

  it("400 for a missing symbol or a time other than 1d, 3d, 1w", async () => {
    for (const qs of ["?time=1d", "?symbol=BTCUSDT&time=2d", "?symbol=BTCUSDT"]) {
      const r = await get(qs);
      expect(r.status).toBe(400);
      const body = (await r.json()) as { code: string; details?: Record<string, string> };
      expect(body.code).toBe("VALIDATION_FAILED");
      expect(body.details).toBeDefined();
    }
  });

  it("503 NO_MODEL with a message saying how to get one, before any training", async () => {
    const r = await get("?symbol=BTCUSDT&time=1d");
    expect(r.status).toBe(503);
    const body = (await r.json()) as { code: string; message: string };
    expect(body.code).toBe("NO_MODEL");
    expect(body.message).toMatch(/npm run train/);
    expect(body.message).toMatch(/worker/);
  });

  it("after a model is stored: 200 with the forecast, its interval and the model's record; then from memory in well under 50 ms", async () => {
    const trained = await mod.trainAndEvaluate(candles, "3d", fast, { folds: 1, seed: 1 });
    await mod.saveModel("BTCUSDT", trained);
    trained.model.dispose();
    mod.invalidateModels("BTCUSDT", "3d"); // a negative answer may be cached for a few seconds

    const r = await get("?symbol=btcusdt&time=3d");
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, unknown> & {
      prediction: number;
      last_price: number;
      interval: { low: number; high: number };
      quantiles: Record<"p2_5" | "p10" | "p50" | "p90" | "p97_5", number>;
      range: Record<string, number>;
      model: Record<string, unknown>;
    };
    const last = candles.at(-1)!;
    expect(body).toMatchObject({ symbol: "BTCUSDT", time: "3d", last_price: Number(last.close.toFixed(8)), as_of: new Date(last.openTime + DAY).toISOString() });
    expect(body.target_time).toBe(new Date(last.openTime + 4 * DAY).toISOString());
    expect(body.prediction).toBeGreaterThan(0);
    expect(body.interval.low).toBeLessThan(body.prediction);
    expect(body.interval.high).toBeGreaterThan(body.prediction);
    const q = body.quantiles;
    expect(q.p2_5).toBeLessThan(q.p10);
    expect(q.p10).toBeLessThan(q.p50);
    expect(q.p50).toBeLessThan(q.p90);
    expect(q.p90).toBeLessThan(q.p97_5);
    expect(body.interval).toEqual({ low: q.p10, high: q.p90 });
    for (const k of ["coverage_80", "coverage_95", "interval_score_80", "static_coverage_80", "static_interval_score_80", "ewma_coverage_80", "ewma_interval_score_80"]) {
      expect(body.range[k]).toBeGreaterThan(0);
    }
    expect(body.range.coverage_80).toBeLessThan(1);
    for (const k of ["mae", "naive_mae", "linear_mae", "ratio", "directional_accuracy"]) expect(typeof body.model[k]).toBe("number");
    expect(typeof body.model.beats_naive).toBe("boolean");
    expect(typeof body.model.trained_at).toBe("string");

    const t0 = performance.now();
    for (let i = 0; i < 20; i++) expect((await get("?symbol=BTCUSDT&time=3d")).status).toBe(200);
    expect((performance.now() - t0) / 20).toBeLessThan(50);
  }, 120_000);

  it("the stored model loads back from the database with its metrics, data range and training time", async () => {
    const m = await mod.loadModel("BTCUSDT", "3d");
    expect(m).not.toBeNull();
    expect(m!.meta.horizon).toBe("3d");
    expect(m!.dataFrom).toBe(candles[0]!.openTime);
    expect(m!.dataTo).toBe(candles.at(-1)!.openTime);
    expect(m!.trainSeconds).toBeGreaterThan(0);
    expect(m!.metrics.n).toBeGreaterThan(0);
    expect(await mod.loadModel("BTCUSDT", "1w")).toBeNull();
  });

  it("still 503 for a horizon without a model", async () => {
    expect((await get("?symbol=BTCUSDT&time=1w")).status).toBe(503);
  });
});
