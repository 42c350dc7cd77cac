// The worker's scheduled chores besides the market itself: portfolio snapshots (hourly for everyone, and
// after every fill for its owner) and the daily retraining of the prediction models. Only the lease holder
// does them, so several workers do not duplicate the work.
import { spawn } from "node:child_process";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { marketEvents } from "@/lib/market/events";
import { recordPortfolioSnapshots } from "@/lib/portfolio/record-snapshots";

interface Leader {
  isLeader(): boolean;
}

const HOUR = 3600_000;

function logError(what: string) {
  return (e: unknown) => console.error(`[jobs] ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
}

// Training runs in a child process: TF.js computes synchronously and would otherwise hold up fills.
function trainInChild(): Promise<void> {
  return new Promise((resolve) => {
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const child = spawn(tsx, [path.join("scripts", "train.ts")], { stdio: ["ignore", "ignore", "pipe"], env: process.env });
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on("exit", (code) => {
      if (code === 0) console.log("[jobs] prediction models retrained");
      else console.error(`[jobs] training exited with ${code}: ${err.trim().split("\n").slice(-3).join(" | ")}`);
      resolve();
    });
    child.on("error", (e) => {
      logError("training")(e);
      resolve();
    });
  });
}

/** Starts the schedules; `stop()` clears them. */
export function startBackgroundJobs(worker: Leader): { stop(): void } {
  const timers: NodeJS.Timeout[] = [];
  const offFill = marketEvents.on("fill", (f) => {
    recordPortfolioSnapshots({ userIds: [f.userId] }).catch(logError("snapshot after a fill"));
  });
  timers.push(
    setInterval(() => {
      if (worker.isLeader()) recordPortfolioSnapshots().catch(logError("hourly snapshots"));
    }, HOUR),
  );

  if (env.TRAIN_EVERY_H > 0) {
    let training = false;
    const train = async () => {
      if (training || !worker.isLeader()) return;
      training = true;
      await trainInChild();
      training = false;
    };
    timers.push(setInterval(() => void train(), env.TRAIN_EVERY_H * HOUR));
    // A fresh installation has no model yet: train once the worker has had time to cache candle history.
    timers.push(
      setTimeout(() => {
        prisma.predictionModel
          .count()
          .then((n) => (n === 0 ? train() : undefined))
          .catch(logError("looking for models"));
      }, env.TRAIN_FIRST_AFTER_S * 1000),
    );
  }
  for (const t of timers) t.unref();
  return {
    stop() {
      offFill();
      for (const t of timers) clearTimeout(t);
    },
  };
}
