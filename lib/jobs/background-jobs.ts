// The worker's scheduled chores besides the market itself: portfolio snapshots (hourly for everyone, and
// after every fill for its owner), the hourly sweep of rate-limit hits no window counts any more, the
// competitions' round each second (snapshots at the start and every 5 minutes, the end at ends_at) and
// the daily retraining of the prediction models. Only the lease holder does them, so several
// workers do not duplicate the work.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { marketEvents } from "@/lib/market/events";
import { marketNow } from "@/lib/market/market-clock";
import { recordPortfolioSnapshots } from "@/lib/portfolio/record-snapshots";
import { sweepRateLimitHits } from "@/lib/rate-limit";
import { endDueCompetitions } from "@/lib/competitions/end-due-competitions";
import { recordCompetitionSnapshots } from "@/lib/competitions/record-competition-snapshots";
import { setTrainingStatus, historyIsReal } from "@/lib/predict/training-status";
import { DEFAULT_SYMBOLS, MIN_HISTORY } from "@/lib/predict/train-models";
import { HORIZONS } from "@/lib/predict/horizons";

interface Leader {
  isLeader(): boolean;
  /** the market source of this run: models are trained only on real history */
  readonly source?: string;
}

/** How often a fresh installation looks again whether enough daily candles are cached to train (the first look often
 * comes before the worker has cached any: a long pause here would leave the page saying "waiting" for nothing). */
const FIRST_TRAINING_POLL_MS = 5_000;

const HOUR = 3600_000;
const COMPETITION_ROUND_MS = 1000;

function logError(what: string) {
  return (e: unknown) => console.error(`[jobs] ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
}

// Training runs in a child process: TF.js computes synchronously and would otherwise hold up fills. The
// child reports each finished model as a "PROGRESS {json}" line on stdout; the status feeds the Predict page.
let trainingChild: ChildProcess | null = null;

function trainInChild(asOf?: number): Promise<void> {
  return new Promise((resolve) => {
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const args = [path.join("scripts", "train.ts"), "--progress-lines", ...(asOf === undefined ? [] : ["--as-of", String(Math.floor(asOf))])];
    const child = (trainingChild = spawn(tsx, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env }));
    let err = "";
    let out = "";
    let last = { done: 0, total: 0, trained: 0 };
    child.stderr?.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.stdout?.on("data", (d: Buffer) => {
      out = (out + d.toString()).slice(-10_000);
      const lines = out.split("\n");
      out = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("PROGRESS ")) continue;
        try {
          const p = JSON.parse(line.slice(9)) as { done: number; total: number; trained: number; current?: string };
          last = p;
          setTrainingStatus({ phase: "training", done: p.done, total: p.total, current: p.current });
        } catch {
          // not ours: ignore
        }
      }
    });
    child.on("exit", (code) => {
      trainingChild = null;
      if (code === 0) console.log("[jobs] prediction models retrained");
      else console.error(`[jobs] training exited with ${code}: ${err.trim().split("\n").slice(-3).join(" | ")}`);
      if (last.trained > 0 || code === 0) setTrainingStatus({ phase: "done", trained: last.trained, total: last.total });
      else setTrainingStatus({ phase: "failed", message: `exit code ${code}` });
      resolve();
    });
    child.on("error", (e) => {
      logError("training")(e);
      setTrainingStatus({ phase: "failed", message: e.message });
      resolve();
    });
  });
}

/** The most daily candles any default pair has cached. */
async function dailyCandlesCached(): Promise<number> {
  const rows = await prisma.kline.groupBy({ by: ["symbol"], where: { interval: "1d", symbol: { in: [...DEFAULT_SYMBOLS] } }, _count: { _all: true } });
  return Math.max(0, ...rows.map((r) => r._count._all));
}

/** Starts the schedules; `stop()` clears them. */
export function startBackgroundJobs(worker: Leader): { stop(): void } {
  const timers: NodeJS.Timeout[] = [];
  // The worker that made the fill takes its snapshot; the other processes hear of it too and skip it.
  const offFill = marketEvents.on("fill", (f, { remote }) => {
    if (remote) return;
    recordPortfolioSnapshots({ portfolioIds: [f.portfolioId] }).catch(logError("snapshot after a fill"));
  });
  timers.push(
    setInterval(() => {
      if (!worker.isLeader()) return;
      recordPortfolioSnapshots().catch(logError("hourly snapshots"));
      sweepRateLimitHits().catch(logError("sweeping old rate-limit hits"));
    }, HOUR),
  );
  // One round at a time: a slow round (a big competition closing) is not overlapped by the next.
  let competitionRound = false;
  timers.push(
    setInterval(() => {
      if (competitionRound || !worker.isLeader()) return;
      competitionRound = true;
      endDueCompetitions()
        .then(() => recordCompetitionSnapshots())
        .catch(logError("competitions round"))
        .finally(() => (competitionRound = false));
    }, COMPETITION_ROUND_MS),
  );

  if (env.TRAIN_EVERY_H > 0) {
    let training = false;
    const train = async () => {
      if (training || !worker.isLeader()) return;
      training = true;
      // the market's "now" (a replay's market time): only candles complete by then are trained on
      await trainInChild(marketNow());
      training = false;
    };
    if (!historyIsReal(worker.source ?? "binance")) {
      // The simulated market's prices are invented: never trained on, and the page says so from the first request
      // (the status shows only while no model is stored).
      setTrainingStatus({ phase: "no-real-history", source: worker.source ?? "simulated" });
    } else {
      timers.push(setInterval(() => void train(), env.TRAIN_EVERY_H * HOUR));
      // A fresh installation has no model yet: train in the background as soon as enough real daily candles
      // are cached (looked at every 5 s: two small queries).
      const firstStart = async (): Promise<void> => {
        if ((await prisma.predictionModel.count()) > 0) return;
        const candles = await dailyCandlesCached();
        if (candles < MIN_HISTORY) {
          setTrainingStatus({ phase: "waiting", candles, need: MIN_HISTORY });
          const t = setTimeout(() => void firstStart().catch(logError("looking for models")), FIRST_TRAINING_POLL_MS);
          t.unref();
          timers.push(t);
          return;
        }
        setTrainingStatus({ phase: "training", done: 0, total: DEFAULT_SYMBOLS.length * HORIZONS.length });
        await train();
      };
      timers.push(setTimeout(() => void firstStart().catch(logError("looking for models")), env.TRAIN_FIRST_AFTER_S * 1000));
    }
  }
  for (const t of timers) t.unref();
  return {
    stop() {
      offFill();
      for (const t of timers) clearTimeout(t);
      trainingChild?.kill(); // a shutdown must not leave a training process behind
    },
  };
}
