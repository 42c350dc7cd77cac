// News ingestion logs one line per problem; it runs in the worker, so LOG_LEVEL decides how chatty it is.
import { env } from "@/lib/env";

const RANK = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;

function enabled(level: "info" | "warn"): boolean {
  return RANK[level] >= RANK[env.LOG_LEVEL];
}

/** A news line that operators usually want to see (a feed was skipped, items were dropped). */
export function newsWarn(message: string): void {
  if (enabled("warn")) console.warn(`news: ${message}`);
}

/** A routine news line (a poll stored items). */
export function newsInfo(message: string): void {
  if (enabled("info")) console.log(`news: ${message}`);
}
