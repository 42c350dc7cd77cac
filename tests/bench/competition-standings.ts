// A competition's standings at scale: 1,000 participants with a week of values recorded every 5 minutes
// (2,016 each, 2 million PortfolioSnapshot rows). Prints: the leaderboard (what GET
// /api/competitions/{id}/leaderboard computes: participants, balances, filled orders, the stored
// accumulators with the live value folded in, ranking), one worker recording round (1,000 snapshots folded
// and the state written), folding the whole week, and, as the baseline the design avoids, re-reading the
// full history and computing the same metrics from it. Asserts nothing.
// Run: `npx tsx tests/bench/competition-standings.ts [sqlite|postgres]`.
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const PARTICIPANTS = 1_000;
const STEP = 5 * 60_000;
const POINTS = (7 * 86_400_000) / STEP; // 2,016
const U = 100_000_000n;
const START = 10_000n * U;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A participant's week: a random walk around the start, 0.2 % per step, deterministic per participant. */
function walk(p: number): bigint[] {
  let seed = p * 7919 + 1;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const out: bigint[] = [];
  let v = 10_000;
  for (let i = 0; i < POINTS; i++) {
    v *= 1 + (rnd() - 0.5) * 0.004;
    out.push(BigInt(Math.round(v * 1e8)));
  }
  return out;
}

async function bench(kind: "sqlite" | "postgres"): Promise<void> {
  process.env.TEST_DB = kind;
  const db: TestDatabase = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    const { atomic } = await import("@/lib/atomic");
    const { prisma } = await import("@/lib/db");
    const now = Date.now();
    const startsAt = now - POINTS * STEP;
    const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(",");
    const seed: { sql: string; params?: unknown[] }[] = [
      { sql: `INSERT INTO "User" ("id","email","passwordHash","name","age","country","phoneNo") VALUES ('org','org@bench.local','x','Organiser',30,'ES','+34')` },
      { sql: `INSERT INTO "Portfolio" ("id","userId","name","kind","startingBalance","createdAt") VALUES ('org','org','Main','MAIN',0,0)` },
      {
        sql: `INSERT INTO "Competition" ("id","organiserId","name","inviteCode","visibility","startsAt","endsAt","startingBalance","pairs","allowReset","createdAt") VALUES ('c1','org','Bench week','BENCHWK1','public',?,?,?,'',false,?)`,
        params: [BigInt(startsAt), BigInt(now + 3600_000), START, BigInt(startsAt)],
      },
      ...["BTC", "ETH", "LTC", "XRP", "BNB"].map((coin, i) => ({
        sql: `INSERT INTO "MarketPrice" ("symbol","price","tradeId","tradeTime","source","updatedAt") VALUES (?,?,'1',?,'binance',?)`,
        params: [`${coin}USDT`, BigInt([90_000, 3_000, 80, 2, 600][i]!) * U, BigInt(now), BigInt(now)],
      })),
    ];
    for (let start = 0; start < PARTICIPANTS; start += 250) {
      const n = Math.min(250, PARTICIPANTS - start);
      seed.push({ sql: `INSERT INTO "User" ("id","email","passwordHash","name","age","country","phoneNo") VALUES ${rows(n, (i) => `('u${start + i}','u${start + i}@bench.local','x','Trader ${start + i}',30,'ES','+34')`)}` });
      seed.push({ sql: `INSERT INTO "Portfolio" ("id","userId","name","kind","startingBalance","competitionId","createdAt") VALUES ${rows(n, (i) => `('p${start + i}','u${start + i}','Bench week','COMPETITION',${START},'c1',${startsAt})`)}` });
      seed.push({
        sql: `INSERT INTO "Balance" ("portfolioId","coin","free","locked") VALUES ${rows(n, (i) => ["BTC", "ETH", "LTC", "XRP", "BNB", "USDT"].map((coin) => `('p${start + i}','${coin}',${coin === "USDT" ? 5_000n * U : BigInt((start + i) % 7) * 1_000_000n},0)`).join(","))}`,
      });
      seed.push({
        sql: `INSERT INTO "Order" ("id","portfolioId","symbol","base","quote","side","type","status","amount","lockCoin","lockAmount","createdAt","updatedAt","closedAt") VALUES ${rows(n * 20, (k) => `('o${start * 20 + k}','p${start + Math.floor(k / 20)}','BTCUSDT','BTC','USDT','BUY','M','FILLED',1000,'USDT',0,${startsAt + k},${startsAt + k},${startsAt + k})`)}`,
      });
    }
    await atomic(seed);

    // The week, as the worker folds it round after round, and the same values as PortfolioSnapshot rows.
    const { addValue, startAccumulator, storeAccumulator, seriesMetrics } = await import("@/lib/competitions/standings-math");
    const { serialiseStandings } = await import("@/lib/competitions/standings-state");
    const series = Array.from({ length: PARTICIPANTS }, (_, p) => walk(p));
    let t = performance.now();
    const entries: Record<string, ReturnType<typeof storeAccumulator>> = {};
    for (let p = 0; p < PARTICIPANTS; p++) entries[`p${p}`] = storeAccumulator(series[p]!.reduce(addValue, startAccumulator(START)));
    const foldWeekMs = performance.now() - t;
    await prisma.competition.update({ where: { id: "c1" }, data: { standings: serialiseStandings({ final: false, asOf: now - STEP, entries }) } });
    t = performance.now();
    // Multi-row INSERTs of literal values, 2,016 rows each (one participant), in batches of 50 participants.
    for (let p0 = 0; p0 < PARTICIPANTS; p0 += 50) {
      const steps = [];
      for (let p = p0; p < Math.min(PARTICIPANTS, p0 + 50); p++) {
        steps.push({ sql: `INSERT INTO "PortfolioSnapshot" ("portfolioId","value","at") VALUES ${series[p]!.map((v, i) => `('p${p}',${v},${startsAt + (i + 1) * STEP})`).join(",")}` });
      }
      await atomic(steps);
    }
    const insertS = (performance.now() - t) / 1000;

    const { getLeaderboard } = await import("@/lib/competitions/get-leaderboard");
    const runs: number[] = [];
    let ranked = 0;
    for (let i = 0; i < 7; i++) {
      t = performance.now();
      const board = await getLeaderboard({ competitionId: "c1", userId: "org" });
      runs.push(performance.now() - t);
      ranked = board.standings.length;
    }

    // One recording round of the worker (due: the last one was 5 minutes ago).
    const { recordCompetitionSnapshots } = await import("@/lib/competitions/record-competition-snapshots");
    t = performance.now();
    const recorded = await recordCompetitionSnapshots(now);
    const roundMs = performance.now() - t;

    // The chart's query: the last value per participant in each of 500 slices of the week.
    const { getEquity } = await import("@/lib/competitions/get-equity");
    t = performance.now();
    const equity = await getEquity({ competitionId: "c1", userId: "org" });
    const equityMs = performance.now() - t;
    const equityPoints = equity.reduce((a, s) => a + s.points.length, 0);

    // The baseline: read the whole history and compute from it.
    t = performance.now();
    const snaps = await prisma.portfolioSnapshot.findMany({ where: { portfolio: { competitionId: "c1" } }, orderBy: [{ portfolioId: "asc" }, { at: "asc" }], select: { portfolioId: true, value: true } });
    const byP = new Map<string, bigint[]>();
    for (const s of snaps) (byP.get(s.portfolioId) ?? byP.set(s.portfolioId, []).get(s.portfolioId)!).push(s.value);
    for (const values of byP.values()) seriesMetrics(START, values);
    const fullMs = performance.now() - t;

    const lb = median(runs);
    console.log(`\n${kind}: ${PARTICIPANTS.toLocaleString()} participants × ${POINTS.toLocaleString()} recorded values (${(PARTICIPANTS * POINTS).toLocaleString()} snapshot rows, inserted in ${insertS.toFixed(0)} s), 20 filled orders each`);
    console.log("| what | figure |");
    console.log("|---|---:|");
    console.log(`| leaderboard (median of ${runs.length}; ${ranked} ranked) | **${lb.toFixed(0)} ms** (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)}) |`);
    console.log(`| one recording round: ${recorded} competition, ${PARTICIPANTS} snapshots folded and stored | ${roundMs.toFixed(0)} ms |`);
    console.log(`| equity chart (${equityPoints.toLocaleString()} points) | ${equityMs.toFixed(0)} ms |`);
    console.log(`| folding the whole week (${(PARTICIPANTS * POINTS).toLocaleString()} values, in memory) | ${foldWeekMs.toFixed(0)} ms |`);
    console.log(`| baseline: re-reading the full history and computing from it | ${fullMs.toFixed(0)} ms (${(fullMs / lb).toFixed(0)}× the leaderboard) |`);
    console.log(`| target: leaderboard < 1 s | ${lb < 1000 ? "met" : "missed"} |`);
  } finally {
    const { disconnect } = await import("@/lib/db");
    await disconnect();
    await db.drop();
  }
}

// One database per process: the database is chosen once, when lib/env is first imported.
await bench(process.argv[2] === "postgres" ? "postgres" : "sqlite");
process.exit(0);
