// Runs `cleanup` once on SIGTERM or SIGINT, then exits; a hard exit after 10 s if something hangs
// (a fill that never answers, a stuck socket).
export function onShutdown(cleanup: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    await cleanup().catch((e: unknown) => console.error("shutdown failed:", e instanceof Error ? e.message : e));
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
